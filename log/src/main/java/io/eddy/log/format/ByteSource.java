package io.eddy.log.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A cursor over {@code buf[off, limit)} that decodes what {@link ByteSink} encodes. Reading past
 * the limit or a malformed varint throws {@link MalformedDataException}. Not thread-safe; cheap
 * to {@link #reset(byte[], int, int) reset} and reuse.
 */
public final class ByteSource {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] buf;
  private int pos;
  private int limit;

  public ByteSource(byte[] buf, int off, int len) {
    reset(buf, off, len);
  }

  public ByteSource reset(byte[] b, int off, int len) {
    if (off < 0 || len < 0 || off + len > b.length) {
      throw new IndexOutOfBoundsException("[" + off + ", " + (off + len) + ") of " + b.length);
    }
    this.buf = b;
    this.pos = off;
    this.limit = off + len;
    return this;
  }

  public byte[] array() {
    return buf;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return limit - pos;
  }

  /** Reads big-endian int at absolute index {@code at} of {@code b}. */
  public static int intAt(byte[] b, int at) {
    return (int) INT.get(b, at);
  }

  public static long longAt(byte[] b, int at) {
    return (long) LONG.get(b, at);
  }

  /** Returns the current position and advances past {@code n} bytes. */
  public int skip(int n) {
    if (n < 0 || n > limit - pos) {
      throw new MalformedDataException("need " + n + " bytes at position " + pos + ", " + (limit - pos) + " left");
    }
    int at = pos;
    pos += n;
    return at;
  }

  public byte readByte() {
    return buf[skip(1)];
  }

  public int readInt() {
    return intAt(buf, skip(4));
  }

  public long readLong() {
    return longAt(buf, skip(8));
  }

  public double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  public int readVarint() {
    if (pos < limit && buf[pos] >= 0) { // fast path: one byte
      return buf[pos++];
    }
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos >= limit) {
        throw new MalformedDataException("varint runs past the end at position " + pos);
      }
      byte b = buf[pos++];
      v |= (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new MalformedDataException("varint longer than 5 bytes at position " + pos);
  }

  public long readVarlong() {
    if (limit - pos >= 10) { // fast path: no bounds check per byte
      byte[] b = buf;
      int p = pos;
      long v = 0;
      for (int shift = 0; shift < 70; shift += 7) {
        byte x = b[p++];
        v |= (long) (x & 0x7F) << shift;
        if (x >= 0) {
          pos = p;
          return v;
        }
      }
      throw new MalformedDataException("varlong longer than 10 bytes at position " + pos);
    }
    long v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      if (pos >= limit) {
        throw new MalformedDataException("varint runs past the end at position " + pos);
      }
      byte b = buf[pos++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new MalformedDataException("varlong longer than 10 bytes at position " + pos);
  }

  public int readZigZagInt() {
    int v = readVarint();
    return (v >>> 1) ^ -(v & 1);
  }

  public long readZigZagLong() {
    long v = readVarlong();
    return (v >>> 1) ^ -(v & 1);
  }
}
