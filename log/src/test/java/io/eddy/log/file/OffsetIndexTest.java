package io.eddy.log.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OffsetIndexTest {
  @Test
  void keepsOneEntryPerIntervalAndFindsTheFloor() {
    OffsetIndex index = new OffsetIndex(100);
    // batches of 10 records and 40 bytes at positions 0, 40, 80, ...
    for (int b = 0; b < 100; b++) {
      index.onBatch(b * 10L, b * 40L, 40);
    }
    assertEquals(34, index.entries(), "an entry every third batch (120 bytes >= 100)");
    assertEquals(0, index.floorPosition(0));
    assertEquals(0, index.floorPosition(29));
    assertEquals(120, index.floorPosition(30));
    assertEquals(120, index.floorPosition(59));
    assertEquals(3960, index.floorPosition(995));
    assertEquals(3960, index.floorPosition(Long.MAX_VALUE));
  }
}
