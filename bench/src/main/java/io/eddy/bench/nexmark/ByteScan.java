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

  private ByteScan() {}

  /** {@code x} in every byte of a word, the {@code pattern} argument of {@link #indexOf}. */
  static long pattern(byte x) {
    return (x & 0xFFL) * ONES;
  }

  /** The first index of {@code x} in {@code b[from, to)}, or -1; {@code pattern} is {@link #pattern}({@code x}). */
  static int indexOf(byte[] b, int from, int to, byte x, long pattern) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long w = (long) LONGS.get(b, i) ^ pattern;
      // a zero byte of w is an x; the lowest flagged byte is exact (borrows only run upwards)
      long zeros = (w - ONES) & ~w & HIGHS;
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
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
    return (high & HIGHS) == 0;
  }
}
