package io.eddy.exec.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LongTupleIntMap} against {@link HashMap} of lists under random puts and removes. */
class LongTupleIntMapTest {
  @Test
  void behavesLikeAHashMap() {
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      int arity = 1 + random.nextInt(4);
      LongTupleIntMap map = new LongTupleIntMap(arity);
      Map<List<Long>, Integer> expected = new HashMap<>();
      int domain = 1 + random.nextInt(12);
      long stride = random.nextBoolean() ? 1 : 1L << random.nextInt(63);
      for (int op = 0; op < 3000; op++) {
        long[] key = key(random, arity, domain, stride);
        if (random.nextInt(3) == 0) {
          map.remove(key);
          expected.remove(boxed(key));
        } else {
          map.put(key, op);
          expected.put(boxed(key), op);
        }
        long[] probe = key(random, arity, domain, stride);
        long s = seed;
        assertEquals(expected.getOrDefault(boxed(probe), -1), map.get(probe), () -> "seed " + s);
      }
      assertEquals(expected.size(), map.size());
      for (Map.Entry<List<Long>, Integer> e : expected.entrySet()) {
        assertEquals((int) e.getValue(), map.get(e.getKey().stream().mapToLong(Long::longValue).toArray()), "seed " + seed);
      }
      List<Integer> values = new ArrayList<>();
      map.forEachValue(values::add);
      assertEquals(expected.size(), values.size());
    }
  }

  private static long[] key(Random random, int arity, int domain, long stride) {
    long[] key = new long[arity];
    for (int c = 0; c < arity; c++) {
      key[c] = (random.nextInt(domain) - domain / 2) * stride;
    }
    return key;
  }

  private static List<Long> boxed(long[] key) {
    List<Long> out = new ArrayList<>();
    for (long k : key) {
      out.add(k);
    }
    return out;
  }
}
