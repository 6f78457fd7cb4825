package io.eddy.bench.nexmark;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches over a {@code byte[]} eight bytes at a time (SWAR: one {@code long} read, a few
 * arithmetic operations per word), for the CSV reader's field, line and ASCII scans. Stateless.
 */
final class ByteScan {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
  private static final long ZEROS = 0x3030303030303030L;
  private static final long SIXES = 0x0606060606060606L;
  private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;

  private ByteScan() {}

  /** {@code x} in every byte of a word, the {@code pattern} argument of {@link #matches}. */
  static long pattern(byte x) {
    return (x & 0xFFL) * ONES;
  }

  /** The eight bytes at {@code b[i]} as a little-endian word (byte {@code i} is the lowest). */
  static long word(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  /**
   * A mask of {@code word} with the high bit of byte k set exactly when byte k equals the byte of
   * {@code pattern} ({@link #pattern}); every other bit clear. Exact for every byte (no borrows
   * across bytes), so all matches of a word can be read from it, lowest first.
   */
  static long matches(long word, long pattern) {
    long x = word ^ pattern;
    return ~(((x & LOWS) + LOWS) | x | LOWS);
  }

  /**
   * The value of the {@code n} (1 to 8) ASCII digits at {@code b[i]}, or -1 when one of them is
   * not a digit. Reads the eight bytes at {@code b[i]} (so {@code i + 8 <= b.length}), keeps the
   * first {@code n} and pads them in front with zeros, then adds digit pairs, pairs of pairs and
   * the two halves, each in one multiply.
   */
  static long digits(byte[] b, int i, int n) {
    int pad = (Long.BYTES - n) << 3;
    long w = word(b, i) << pad; // the n digits in the high bytes, the last one highest
    if (pad != 0) {
      w |= ZEROS >>> (Long.SIZE - pad);
    }
    if ((w & HIGH_NIBBLES) != ZEROS || ((w + SIXES) & HIGH_NIBBLES) != ZEROS) {
      return -1;
    }
    long v = w - ZEROS; // byte k: the k-th digit of eight, the most significant first
    v = (v * 10 + (v >>> 8)) & 0x00FF00FF00FF00FFL;
    v = (v * 100 + (v >>> 16)) & 0x0000FFFF0000FFFFL;
    return (v * 10000 + (v >>> 32)) & 0xFFFFFFFFL;
  }

  /** Whether every byte OR-ed into {@code bytes} (as words or sign-extended bytes) was ASCII. */
  static boolean ascii(long bytes) {
    return (bytes & HIGHS) == 0;
  }

  /** Whether every byte of {@code b[from, to)} is ASCII (below 0x80). */
  static boolean ascii(byte[] b, int from, int to) {
    int i = from;
    long high = 0;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      high |= (long) LONGS.get(b, i);
    }
    for (; i < to; i++) {
      high |= b[i];
    }
    return ascii(high);
  }
}
