package io.eddy.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ByteScan} against byte-at-a-time loops, on random ranges of random bytes. */
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
      assertEquals(loopIndexOf(b, from, to, x), ByteScan.indexOf(b, from, to, x, ByteScan.pattern(x)), "run " + run);
      assertEquals(loopAscii(b, from, to), ByteScan.ascii(b, from, to), "run " + run);
    }
  }

  private static int loopIndexOf(byte[] b, int from, int to, byte x) {
    for (int i = from; i < to; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
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
