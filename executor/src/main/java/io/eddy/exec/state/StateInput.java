package io.eddy.exec.state;

import io.eddy.exec.batch.Row;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads what a {@link StateOutput} wrote. Malformed or truncated input fails with
 * {@link IllegalStateException} (a checkpoint that does not match is never half-applied by the
 * caller: it restores into fresh operators). Not thread-safe.
 */
public final class StateInput {
  private final DataInputStream in;
  private final int length;
  private final ByteArrayInputStream bytes;

  public StateInput(byte[] data) {
    this.bytes = new ByteArrayInputStream(data);
    this.in = new DataInputStream(bytes);
    this.length = data.length;
  }

  public long readLong() {
    return io(() -> in.readLong());
  }

  public int readInt() {
    return io(() -> in.readInt());
  }

  public boolean readBoolean() {
    return io(() -> in.readBoolean());
  }

  public String readString() {
    return new String(readBytes(readCount()), java.nio.charset.StandardCharsets.UTF_8);
  }

  public byte[] readBytes(int n) {
    byte[] b = new byte[n];
    io(() -> {
      in.readFully(b);
      return b;
    });
    return b;
  }

  /** A non-negative count no larger than the remaining bytes could hold (guards corrupt input). */
  public int readCount() {
    int n = readInt();
    if (n < 0 || n > length) {
      throw new IllegalStateException("state is corrupt: count " + n);
    }
    return n;
  }

  public Object readValue() {
    byte tag = io(in::readByte);
    return switch (tag) {
      case StateOutput.NULL -> null;
      case StateOutput.LONG -> readLong();
      case StateOutput.INT -> readInt();
      case StateOutput.DOUBLE -> Double.longBitsToDouble(readLong());
      case StateOutput.BOOLEAN -> readBoolean();
      case StateOutput.STRING -> readString();
      case StateOutput.DECIMAL -> {
        int scale = readInt();
        yield new BigDecimal(new BigInteger(readBytes(readCount())), scale);
      }
      default -> throw new IllegalStateException("state is corrupt: value tag " + tag);
    };
  }

  /** A row's values, or null if it was written as null. */
  public Object[] readValues() {
    int n = readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > length) {
      throw new IllegalStateException("state is corrupt: arity " + n);
    }
    Object[] v = new Object[n];
    for (int i = 0; i < n; i++) {
      v[i] = readValue();
    }
    return v;
  }

  public Row readRow() {
    Object[] v = readValues();
    if (v == null) {
      throw new IllegalStateException("state is corrupt: null row");
    }
    return new Row(v);
  }

  private interface Read<T> {
    T run() throws IOException;
  }

  private static <T> T io(Read<T> r) {
    try {
      return r.run();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** Whether every byte was read. */
  public boolean atEnd() {
    return bytes.available() == 0;
  }

  private static IllegalStateException malformed(IOException e) {
    return new IllegalStateException(e instanceof EOFException ? "state is truncated" : "state is unreadable: " + e, e);
  }
}
