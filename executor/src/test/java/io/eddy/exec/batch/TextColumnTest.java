package io.eddy.exec.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TextColumn} against a plain array of strings, under the churn that makes it move and drop chunks. */
class TextColumnTest {

  @Test
  void everyStringComesBackExactly() {
    List<String> values = List.of("", "a", "naïve café", "Ω≈ç√", "emoji \uD83D\uDE00", "lone \uD800 surrogate",
        "x".repeat(300_000), "é".repeat(300_000), "\u0100".repeat(200_000));
    TextColumn t = new TextColumn(values.size());
    for (int i = 0; i < values.size(); i++) {
      t.set(i, values.get(i));
    }
    for (int i = 0; i < values.size(); i++) {
      assertEquals(values.get(i), t.get(i));
      assertTrue(t.equals(i, values.get(i)));
      assertFalse(t.equals(i, values.get(i) + "!"));
    }
    assertFalse(t.equals(2, "naïve cafe"));
    assertFalse(t.equals(3, "Ω≈ç!"));
  }

  @Test
  void freedChunksAreDroppedAndSparseOnesCompacted() {
    int slots = 20_000;
    TextColumn t = new TextColumn(slots);
    String[] model = new String[slots];
    Random random = new Random(7);
    for (int step = 0; step < 400_000; step++) {
      int slot = random.nextInt(slots);
      if (random.nextInt(3) == 0) {
        t.clear(slot);
        model[slot] = null;
      } else {
        String s = "v" + step + "-".repeat(random.nextInt(200)) + (random.nextInt(50) == 0 ? "ü€" : "");
        t.set(slot, s);
        model[slot] = s;
      }
    }
    long live = 0;
    for (int slot = 0; slot < slots; slot++) {
      if (model[slot] != null) {
        assertEquals(model[slot], t.get(slot));
        live += model[slot].length() * (model[slot].indexOf('€') >= 0 ? 2 : 1);
      }
    }
    assertTrue(t.heldBytes() <= 2 * live + 5L * TextColumn.CHUNK, t.heldBytes() + " held for " + live + " live");
    for (int slot = 0; slot < slots; slot++) {
      t.clear(slot);
    }
    assertTrue(t.heldBytes() <= TextColumn.CHUNK, "only the current chunk is left: " + t.heldBytes());
  }

  @Test
  void valuesFreedInTheOrderTheyCameEmptyWholeChunks() {
    TextColumn t = new TextColumn(1 << 16);
    List<Integer> window = new ArrayList<>();
    for (int i = 0; i < 1 << 16; i++) {
      t.set(i, "bid " + i + " " + "x".repeat(100));
      window.add(i);
      if (window.size() > 20_000) {
        t.clear(window.remove(0));
      }
    }
    assertTrue(t.heldBytes() <= 20_001L * 110 + 2L * TextColumn.CHUNK, "held " + t.heldBytes());
    assertEquals("bid 65535 " + "x".repeat(100), t.get(65535));
  }

  @Test
  void aSmallColumnTakesASmallChunk() {
    TextColumn t = new TextColumn(4);
    t.set(0, "hello");
    assertTrue(t.heldBytes() <= 4096, "held " + t.heldBytes());
  }
}
