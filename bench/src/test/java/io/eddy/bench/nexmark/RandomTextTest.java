package io.eddy.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomTextTest {

  /** The model's definition before trimming: a char per draw. */
  private static String untrimmed(SplittableRandom r, int maxLength, char special) {
    char[] c = new char[3 + r.nextInt(maxLength - 3)];
    for (int i = 0; i < c.length; i++) {
      c[i] = r.nextInt(13) == 0 ? special : (char) ('a' + r.nextInt(26));
    }
    return new String(c);
  }

  @Test
  void appendDrawsAndTrimsAsTheCharDefinition() {
    int spaceFirst = 0;
    int spaceLast = 0;
    for (char special : new char[] {' ', '_'}) {
      for (int maxLength : new int[] {5, 7, 20, 100}) {
        SplittableRandom expected = new SplittableRandom(maxLength * 31L + special);
        SplittableRandom actual = new SplittableRandom(maxLength * 31L + special);
        AsciiText text = new AsciiText(4 + maxLength);
        for (int i = 0; i < 5000; i++) {
          String raw = untrimmed(expected, maxLength, special);
          spaceFirst += raw.startsWith(" ") ? 1 : 0;
          spaceLast += raw.endsWith(" ") ? 1 : 0;
          text.clear();
          text.append((byte) 'x');
          RandomText.append(actual, maxLength, special, text);
          text.append((byte) 'y');
          assertEquals("x" + raw.trim() + "y", text.toString(), "draw " + i);
          assertEquals(expected.nextLong(), actual.nextLong(), "the same number of draws");
        }
        assertEquals(untrimmed(new SplittableRandom(9), maxLength, special).trim(),
            RandomText.string(new SplittableRandom(9), maxLength, special));
      }
    }
    assertTrue(spaceFirst > 100 && spaceLast > 100, spaceFirst + " leading and " + spaceLast + " trailing spaces");
  }
}
