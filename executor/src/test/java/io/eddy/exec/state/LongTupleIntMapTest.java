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

  @Test
  void aLargeMapWithItsLookupCacheStillBehavesLikeAHashMap() {
    for (long seed = 0; seed < 4; seed++) {
      Random random = new Random(seed);
      int arity = 2 + (int) seed % 2;
      LongTupleIntMap map = new LongTupleIntMap(arity);
      Map<List<Long>, Integer> expected = new HashMap<>();
      for (int op = 0; op < 300_000; op++) {
        // hot keys (looked up again and again, so cached) and a wide domain (so the table is large)
        long[] key = random.nextInt(3) == 0 ? key(random, arity, 8, 1) : key(random, arity, arity == 2 ? 300 : 50, 1000);
        int what = random.nextInt(10);
        if (what < 2) {
          map.remove(key);
          expected.remove(boxed(key));
        } else if (what < 5) {
          map.put(key, op);
          expected.put(boxed(key), op);
        } else {
          long s = seed;
          int o = op;
          assertEquals(expected.getOrDefault(boxed(key), -1), map.get(key), () -> "seed " + s + " op " + o);
        }
      }
      assertEquals(expected.size(), map.size());
      for (Map.Entry<List<Long>, Integer> e : expected.entrySet()) {
        assertEquals((int) e.getValue(), map.get(e.getKey().stream().mapToLong(Long::longValue).toArray()), "seed " + seed);
      }
      assertEquals(true, expected.size() > LongTupleIntMap.CACHE * 4, "the table outgrew the size from which it caches");
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
