package io.eddy.exec.state;

import java.util.function.IntConsumer;

/**
 * A hash map from a fixed number of primitive {@code long}s to non-negative ints (ids), for operator
 * state keyed by BIGINT/INT/TIMESTAMP/DATE columns (such as a windowed aggregate's key and window
 * bounds) without a boxed row per lookup. One flat array holds the slots, each {@code arity} key
 * longs followed by one long holding value + 1 (0 marks an empty slot), so a lookup reads one
 * place in memory (a group lookup in a table of millions is a cache miss; before, the keys and the
 * values were two). Open addressing with linear probing; removal shifts the following entries
 * back, so there are no tombstones. Load factor at most 1/2.
 *
 * <p>A table too large for the CPU caches gets a small direct-mapped cache of recent lookups in
 * front ({@value #CACHE} entries laid out as the slots): lookups mostly repeat a few keys at a time
 * (the hot auctions of a batch, each in its few open windows), and a hit there costs no cache miss.
 * Not thread-safe.
 */
public final class LongTupleIntMap {
  /** Entries of the lookup cache. */
  static final int CACHE = 4096;
  /** Table slots from which the lookup cache is kept (the table no longer fits in a core's cache). */
  private static final int CACHED_FROM = 1 << 15;

  private final int arity;
  /** Longs per slot: the key, then the value + 1. */
  private final int stride;
  private long[] table;
  private int mask;
  private int size;
  /** Null while the table is small; else {@link #CACHE} entries laid out as the slots (value + 1, 0 = empty). */
  private long[] cache;

  public LongTupleIntMap(int arity) {
    if (arity < 1) {
      throw new IllegalArgumentException("arity " + arity);
    }
    this.arity = arity;
    this.stride = arity + 1;
    allocate(16);
  }

  private void allocate(int capacity) {
    table = new long[capacity * stride];
    mask = capacity - 1;
    if (cache == null && capacity >= CACHED_FROM) {
      cache = new long[CACHE * stride];
    }
  }

  public int size() {
    return size;
  }

  private long hash(long[] from, int offset) {
    long h = 0;
    for (int c = 0; c < arity; c++) {
      h = (h + from[offset + c]) * 0x9E3779B97F4A7C15L;
    }
    return h;
  }

  private int slot(long[] from, int offset) {
    long h = hash(from, offset);
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** The key's entry in the lookup cache (from the hash's top bits, which the slot barely uses). */
  private int cached(long[] key) {
    return (int) (hash(key, 0) >>> (64 - Integer.numberOfTrailingZeros(CACHE)));
  }

  private boolean occupied(int slot) {
    return table[slot * stride + arity] != 0;
  }

  private boolean sameKey(long[] in, int slot, long[] key) {
    int base = slot * stride;
    for (int c = 0; c < arity; c++) {
      if (in[base + c] != key[c]) {
        return false;
      }
    }
    return true;
  }

  /** The value of {@code key} (its first {@code arity} longs), or -1. */
  public int get(long[] key) {
    int e = -1;
    if (cache != null) {
      e = cached(key);
      if (cache[e * stride + arity] != 0 && sameKey(cache, e, key)) {
        return (int) cache[e * stride + arity] - 1;
      }
    }
    for (int i = slot(key, 0); occupied(i); i = (i + 1) & mask) {
      if (sameKey(table, i, key)) {
        long stored = table[i * stride + arity];
        if (e >= 0) {
          System.arraycopy(key, 0, cache, e * stride, arity);
          cache[e * stride + arity] = stored;
        }
        return (int) stored - 1;
      }
    }
    return -1;
  }

  /** Forgets {@code key}'s cached lookup, if it has one (its value changed or it is gone). */
  private void uncache(long[] key) {
    if (cache != null) {
      int e = cached(key);
      if (sameKey(cache, e, key)) {
        cache[e * stride + arity] = 0;
      }
    }
  }

  /** Maps {@code key} to {@code value} (≥ 0), replacing any previous value; the key is copied. */
  public void put(long[] key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("value " + value);
    }
    for (int i = slot(key, 0); occupied(i); i = (i + 1) & mask) {
      if (sameKey(table, i, key)) {
        table[i * stride + arity] = value + 1L;
        uncache(key);
        return;
      }
    }
    insert(key, 0, value + 1L);
    if (size * 2 > mask + 1) {
      rehash((mask + 1) * 2);
    }
  }

  /** Removes {@code key}'s entry if there is one. */
  public void remove(long[] key) {
    int i = slot(key, 0);
    while (occupied(i) && !sameKey(table, i, key)) {
      i = (i + 1) & mask;
    }
    if (!occupied(i)) {
      return;
    }
    uncache(key);
    size--;
    // Shift back every following entry of the run whose home slot is not between the hole and it.
    for (int j = (i + 1) & mask; occupied(j); j = (j + 1) & mask) {
      int home = slot(table, j * stride);
      if (((j - home) & mask) >= ((j - i) & mask)) {
        System.arraycopy(table, j * stride, table, i * stride, stride);
        i = j;
      }
    }
    table[i * stride + arity] = 0;
  }

  private void rehash(int capacity) {
    long[] old = table;
    allocate(capacity);
    size = 0;
    for (int base = 0; base < old.length; base += stride) {
      if (old[base + arity] != 0) {
        insert(old, base, old[base + arity]);
      }
    }
  }

  /** Stores a key known to be absent (at {@code from[offset..]}) with its stored value (value + 1). */
  private void insert(long[] from, int offset, long stored) {
    int i = slot(from, offset);
    while (occupied(i)) {
      i = (i + 1) & mask;
    }
    System.arraycopy(from, offset, table, i * stride, arity);
    table[i * stride + arity] = stored;
    size++;
  }

  /** Calls {@code action} with every value, in no particular order. Do not modify the map meanwhile. */
  public void forEachValue(IntConsumer action) {
    for (int base = arity; base < table.length; base += stride) {
      if (table[base] != 0) {
        action.accept((int) table[base] - 1);
      }
    }
  }
}
