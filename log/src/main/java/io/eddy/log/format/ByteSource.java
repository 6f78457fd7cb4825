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
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** The high (continuation) bit of every byte of a little-endian word. */
  private static final long HIGH_BITS = 0x8080808080808080L;

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
    if (buf != b) { // a reference store costs G1's write barrier: skipped when rows of one array follow each other
      this.buf = b;
    }
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
    if (limit - pos >= Long.BYTES) {
      long w = (long) LONG_LE.get(buf, pos);
      long ends = ~w & HIGH_BITS;
      int n = (Long.numberOfTrailingZeros(ends) >>> 3) + 1; // 9 when no byte of the word ends it
      if (n <= 5) {
        pos += n;
        return (int) compact(w, n);
      }
      throw new MalformedDataException("varint longer than 5 bytes at position " + (pos + 5));
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
    if (limit - pos >= Long.BYTES) { // fast path: up to 8 bytes from one little-endian word, no loop
      long w = (long) LONG_LE.get(buf, pos);
      long ends = ~w & HIGH_BITS;
      if (ends != 0) {
        int n = (Long.numberOfTrailingZeros(ends) >>> 3) + 1;
        pos += n;
        return compact(w, n);
      }
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

  /**
   * The value of the varint in the low {@code n} bytes (1 to 8) of the little-endian word
   * {@code w}: their 7-bit groups, low group first, packed together.
   */
  private static long compact(long w, int n) {
    long x = (n == 8 ? w : w & ((1L << (n << 3)) - 1)) & ~HIGH_BITS;
    x = (x & 0x007F007F007F007FL) | ((x & 0x7F007F007F007F00L) >>> 1); // 14-bit groups in 16-bit lanes
    x = (x & 0x00003FFF00003FFFL) | ((x & 0x3FFF00003FFF0000L) >>> 2); // 28-bit groups in 32-bit lanes
    return (x & 0x000000000FFFFFFFL) | ((x & 0x0FFFFFFF00000000L) >>> 4);
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
