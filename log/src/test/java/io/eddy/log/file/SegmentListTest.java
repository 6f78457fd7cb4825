package io.eddy.log.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentListTest {
  @TempDir Path dir;

  /** The segment holding an offset, against a plain scan, for lists of 1 to 40 segments and offsets on, between and around the bases. */
  @Test
  void floorFindsTheLastSegmentBasedAtOrBelowTheOffset() throws IOException {
    Random rnd = new Random(5);
    List<Segment> all = new ArrayList<>();
    long base = 3;
    for (int i = 0; i < 40; i++) {
      all.add(Segment.open(SystemFileIo.INSTANCE, dir, base, 4096));
      base += 1 + rnd.nextInt(i % 2 == 0 ? 3 : 1_000_000);
    }
    try {
      for (int n = 1; n <= all.size(); n++) {
        SegmentList list = new SegmentList(all.subList(0, n));
        long end = all.get(n - 1).baseOffset() + 10;
        for (int k = 0; k < 2000; k++) {
          long offset = k % 3 == 0 ? all.get(rnd.nextInt(n)).baseOffset() + rnd.nextInt(3) - 1 : (long) (rnd.nextDouble() * end);
          int expected = -1;
          for (int i = 0; i < n; i++) {
            if (all.get(i).baseOffset() <= offset) {
              expected = i;
            }
          }
          assertEquals(expected, list.floor(offset), n + " segments, offset " + offset);
        }
      }
      SegmentList two = new SegmentList(all.subList(0, 2));
      assertEquals(all.get(2).baseOffset(), two.plus(all.get(2)).last().baseOffset());
      assertEquals(all.get(1).baseOffset(), two.withoutFirst().first().baseOffset());
      assertThrows(IllegalArgumentException.class, () -> new SegmentList(List.of()));
      assertThrows(IllegalArgumentException.class, () -> new SegmentList(List.of(all.get(1), all.get(0))));
    } finally {
      for (Segment s : all) {
        s.close();
      }
    }
  }
}
