package io.eddy.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ByteScan} against byte-at-a-time loops, on random words and ranges of random bytes. */
class ByteScanTest {
  @Test
  void findsWhatALoopFinds() {
    Random random = new Random(5);
    byte[] b = new byte[300];
    for (int run = 0; run < 20_000; run++) {
      int alphabet = 1 + random.nextInt(256);
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (random.nextInt(alphabet) - (random.nextInt(8) == 0 ? 128 : 0));
      }
      int from = random.nextInt(b.length);
      int to = from + random.nextInt(b.length - from + 1);
      byte x = b[random.nextInt(b.length)];
      if (from + Long.BYTES <= b.length) {
        assertEquals(loopMatches(b, from, x), ByteScan.matches(ByteScan.word(b, from), ByteScan.pattern(x)),
            "run " + run);
      }
      assertEquals(loopAscii(b, from, to), ByteScan.ascii(b, from, to), "run " + run);
    }
  }

  /** The high bit of byte k set where {@code b[from + k] == x}, for the eight bytes from {@code from}. */
  private static long loopMatches(byte[] b, int from, byte x) {
    long mask = 0;
    for (int k = 0; k < Long.BYTES; k++) {
      if (b[from + k] == x) {
        mask |= 0x80L << (8 * k);
      }
    }
    return mask;
  }

  private static boolean loopAscii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
