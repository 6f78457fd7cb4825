package io.eddy.exec.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LongHashMap} against {@link HashMap} under random puts and removes. */
class LongHashMapTest {
  @Test
  void behavesLikeAHashMap() {
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      LongHashMap<String> map = new LongHashMap<>();
      Map<Long, String> expected = new HashMap<>();
      int domain = 1 + random.nextInt(2000);
      long stride = random.nextBoolean() ? 1 : 1L << random.nextInt(63);
      for (int op = 0; op < 3000; op++) {
        long key = (random.nextInt(domain) - domain / 2) * stride;
        if (random.nextInt(3) == 0) {
          map.remove(key);
          expected.remove(key);
        } else {
          map.put(key, "v" + op);
          expected.put(key, "v" + op);
        }
        long probe = (random.nextInt(domain) - domain / 2) * stride;
        long s = seed;
        assertEquals(expected.get(probe), map.get(probe), () -> "seed " + s);
      }
      assertEquals(expected.size(), map.size());
      for (Map.Entry<Long, String> e : expected.entrySet()) {
        assertEquals(e.getValue(), map.get(e.getKey()), "seed " + seed);
      }
    }
  }
}
