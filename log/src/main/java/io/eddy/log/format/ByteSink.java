package io.eddy.log.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte buffer for encoding: fixed-width big-endian integers, unsigned and zigzag
 * varints (the protobuf encoding: 7 bits per byte, low group first, high bit = more follows).
 * Reuse one instance with {@link #reset()} to encode without allocating. Not thread-safe.
 */
public final class ByteSink {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] buf;
  private int size;

  public ByteSink() {
    this(256);
  }

  public ByteSink(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Forgets the contents, keeps the capacity. */
  public ByteSink reset() {
    size = 0;
    return this;
  }

  /** Forgets everything written after the first {@code size} bytes. */
  public void truncate(int size) {
    if (size < 0 || size > this.size) {
      throw new IndexOutOfBoundsException(size + " of " + this.size);
    }
    this.size = size;
  }

  /** Bytes written so far. */
  public int size() {
    return size;
  }

  /** The backing array; bytes {@code [0, size())} are the contents. Valid until the next write. */
  public byte[] array() {
    return buf;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** Makes room for {@code n} more bytes. */
  public void ensure(int n) {
    int need = size + n;
    if (need > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
    }
  }

  /** Advances the size by {@code n} bytes, leaving them to be filled by {@code put*} methods. */
  public int skip(int n) {
    ensure(n);
    int at = size;
    size += n;
    return at;
  }

  public void writeByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  public void writeInt(int v) {
    putInt(skip(4), v);
  }

  public void writeLong(long v) {
    putLong(skip(8), v);
  }

  public void writeDouble(double v) {
    writeLong(Double.doubleToRawLongBits(v));
  }

  public void writeBytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  /** Overwrites 4 bytes at {@code at} (which must be below {@link #size()}). */
  public void putInt(int at, int v) {
    INT.set(buf, at, v);
  }

  public void putLong(int at, long v) {
    LONG.set(buf, at, v);
  }

  /** Unsigned varint of the 32 bits of {@code v}: 1 to 5 bytes. */
  public void writeVarint(int v) {
    ensure(5);
    while ((v & ~0x7F) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  /** Unsigned varint of the 64 bits of {@code v}: 1 to 10 bytes. */
  public void writeVarlong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  /** Bytes of the unsigned varint of {@code v} (all 64 bits): 1 to 10, 7 bits a byte. */
  public static int varlongSize(long v) {
    return (70 - Long.numberOfLeadingZeros(v | 1)) / 7;
  }

  /**
   * Overwrites bytes from {@code at} (room already made, below {@link #size()}) with the unsigned
   * varint of {@code v}; returns the position after it.
   */
  public int putVarlong(int at, long v) {
    while ((v & ~0x7FL) != 0) {
      buf[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[at++] = (byte) v;
    return at;
  }

  /** The zigzag form of {@code v}, as {@link #writeZigZagLong} writes it. */
  public static long zigZag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  /** Zigzag varint: small magnitudes of either sign take few bytes; -1 takes one. */
  public void writeZigZagInt(int v) {
    writeVarint((v << 1) ^ (v >> 31));
  }

  public void writeZigZagLong(long v) {
    writeVarlong(zigZag(v));
  }

  /**
   * Writes {@code s} as UTF-8 preceded by its byte length as an unsigned varint. Uses
   * {@link String#getBytes(java.nio.charset.Charset)}, whose Latin-1 fast path is one vectorised
   * check and one array copy.
   */
  public void writeUtf8WithLength(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    writeVarint(b.length);
    writeBytes(b, 0, b.length);
  }
}
