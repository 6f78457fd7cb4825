package io.eddy.exec.state;

import io.eddy.exec.batch.Row;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes operator state for a checkpoint in Eddy's compact state format (read back by
 * {@link StateInput}). Primitives are big-endian ({@link DataOutputStream}); a boxed value
 * ({@link #value}) is a one-byte tag followed by its bytes, so rows need no schema:
 *
 * <pre>
 *   0 NULL | 1 BIGINT/TIMESTAMP (Long, 8 bytes) | 2 INT/DATE (Integer, 4) | 3 DOUBLE (8)
 *   4 BOOLEAN (1) | 5 VARCHAR (modified UTF-8, length-prefixed) | 6 DECIMAL (scale int, unscaled bytes)
 * </pre>
 *
 * A row is its arity (int) and its values; a nullable row array is arity -1 for null. Collects the
 * bytes in memory ({@link #toByteArray}). Not thread-safe.
 */
public final class StateOutput {
  static final byte NULL = 0;
  static final byte LONG = 1;
  static final byte INT = 2;
  static final byte DOUBLE = 3;
  static final byte BOOLEAN = 4;
  static final byte STRING = 5;
  static final byte DECIMAL = 6;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
  private final DataOutputStream out = new DataOutputStream(bytes);

  public StateOutput writeLong(long v) {
    return io(() -> out.writeLong(v));
  }

  public StateOutput writeInt(int v) {
    return io(() -> out.writeInt(v));
  }

  public StateOutput writeBoolean(boolean v) {
    return io(() -> out.writeBoolean(v));
  }

  /** A non-null string (length-prefixed UTF-8 of any length). */
  public StateOutput writeString(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    writeInt(b.length);
    return writeBytes(b);
  }

  public StateOutput writeBytes(byte[] b) {
    return io(() -> out.write(b));
  }

  private interface Write {
    void run() throws IOException;
  }

  /** Runs a write to the in-memory stream (which cannot fail in practice). */
  private StateOutput io(Write w) {
    try {
      w.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A boxed value of any {@link io.eddy.common.type.TypeKind} representation, or null. */
  public StateOutput writeValue(Object v) {
    if (v == null) {
      return writeTag(NULL);
    } else if (v instanceof Long l) {
      return writeTag(LONG).writeLong(l);
    } else if (v instanceof Integer i) {
      return writeTag(INT).writeInt(i);
    } else if (v instanceof Double d) {
      return writeTag(DOUBLE).writeLong(Double.doubleToRawLongBits(d));
    } else if (v instanceof Boolean b) {
      return writeTag(BOOLEAN).writeBoolean(b);
    } else if (v instanceof String s) {
      return writeTag(STRING).writeString(s);
    } else if (v instanceof BigDecimal d) {
      byte[] unscaled = d.unscaledValue().toByteArray();
      return writeTag(DECIMAL).writeInt(d.scale()).writeInt(unscaled.length).writeBytes(unscaled);
    }
    throw new IllegalArgumentException("no state encoding for " + v.getClass().getName());
  }

  private StateOutput writeTag(byte tag) {
    return io(() -> out.writeByte(tag));
  }

  /** Values of a row, or null (arity -1). */
  public StateOutput writeValues(Object[] values) {
    if (values == null) {
      return writeInt(-1);
    }
    writeInt(values.length);
    for (Object v : values) {
      writeValue(v);
    }
    return this;
  }

  public StateOutput writeRow(Row row) {
    writeInt(row.arity());
    for (int i = 0; i < row.arity(); i++) {
      writeValue(row.get(i));
    }
    return this;
  }

  public int size() {
    return bytes.size();
  }

  public byte[] toByteArray() {
    return bytes.toByteArray();
  }
}
