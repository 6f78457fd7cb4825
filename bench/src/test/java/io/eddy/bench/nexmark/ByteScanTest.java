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

  @Test
  void digitsAreWhatParseLongReads() {
    Random random = new Random(11);
    byte[] b = new byte[40];
    for (int run = 0; run < 200_000; run++) {
      int n = 1 + random.nextInt(Long.BYTES);
      int i = random.nextInt(b.length - Long.BYTES + 1);
      for (int k = 0; k < b.length; k++) {
        b[k] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : '0' + random.nextInt(10));
      }
      if (random.nextBoolean()) { // mostly digits, sometimes one byte just outside them
        for (int k = i; k < i + n; k++) {
          b[k] = (byte) ('0' + random.nextInt(10));
        }
        if (random.nextInt(3) == 0) {
          b[i + random.nextInt(n)] = (byte) (random.nextBoolean() ? '0' - 1 - random.nextInt(3) : '9' + 1 + random.nextInt(7));
        }
      }
      String text = new String(b, i, n, java.nio.charset.StandardCharsets.ISO_8859_1);
      long expected = text.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.parseLong(text) : -1;
      assertEquals(expected, ByteScan.digits(b, i, n), "'" + text + "' (run " + run + ")");
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
