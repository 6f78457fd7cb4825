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
 * <p>Growing is incremental: a full table becomes the old table, and each later put or remove
 * moves {@value #MOVES} of its slots into the new one (twice the size), so no single call reinserts
 * millions of entries (in q5 that was a stall of a hundred milliseconds or more). Until the move
 * is done, a lookup that misses the new table looks in the old one, where moved and removed
 * entries are tombstones ({@code -1}) that keep the probe runs whole.
 *
 * <p>A table too large for the CPU caches gets a small direct-mapped cache of recent lookups in
 * front ({@value #CACHE} entries laid out as the slots): lookups mostly repeat a few keys at a time
 * (the hot auctions of a batch, each in its few open windows), and a hit there costs no cache miss.
 * A put caches what it stored, as a new key is looked up again soon (in q5 that spared 30 % of the
 * table reads; a larger cache caught nothing more: the rest are first lookups). Not thread-safe.
 */
public final class LongTupleIntMap {
  /** Entries of the lookup cache. */
  static final int CACHE = 4096;
  /** Table slots from which the lookup cache is kept (the table no longer fits in a core's cache). */
  private static final int CACHED_FROM = 1 << 15;
  /**
   * Old slots moved per put or remove while growing: the move ends within capacity / 8 calls, so
   * the new table (twice the old) is still under half full when it does.
   */
  private static final int MOVES = 8;
  /** The stored value of a moved or removed entry of the old table. */
  private static final long TOMBSTONE = -1;

  private final int arity;
  /** Longs per slot: the key, then the value + 1. */
  private final int stride;
  private long[] table;
  private int mask;
  /** Entries in {@link #table}. */
  private int used;
  /** While growing, the table being emptied into {@link #table}; else null. */
  private long[] old;
  private int oldMask;
  /** The next slot of {@link #old} to move. */
  private int moved;
  /** Live entries in both tables. */
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
    used = 0;
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

  private int slot(long[] from, int offset, int m) {
    long h = hash(from, offset);
    return (int) (h ^ (h >>> 32)) & m;
  }

  /** The key's entry in the lookup cache (from the hash's top bits, which the slot barely uses). */
  private int cached(long[] key) {
    return (int) (hash(key, 0) >>> (64 - Integer.numberOfTrailingZeros(CACHE)));
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

  /** The slot of {@code key}'s live entry in table {@code t} (mask {@code m}), or -1. */
  private int find(long[] t, int m, long[] key) {
    for (int i = slot(key, 0, m); t[i * stride + arity] != 0; i = (i + 1) & m) {
      if (t[i * stride + arity] > 0 && sameKey(t, i, key)) {
        return i;
      }
    }
    return -1;
  }

  /** The value of {@code key} (its first {@code arity} longs), or -1. */
  public int get(long[] key) {
    if (cache != null) {
      int e = cached(key);
      if (cache[e * stride + arity] != 0 && sameKey(cache, e, key)) {
        return (int) cache[e * stride + arity] - 1;
      }
    }
    long[] t = table;
    int i = find(t, mask, key);
    if (i < 0 && old != null) {
      t = old;
      i = find(t, oldMask, key);
    }
    if (i < 0) {
      return -1;
    }
    long stored = t[i * stride + arity];
    remember(key, stored);
    return (int) stored - 1;
  }

  /**
   * Puts {@code key}'s stored value in the lookup cache (a new group is looked up again soon: by
   * the next rows of its batch, and by the next batch).
   */
  private void remember(long[] key, long stored) {
    if (cache != null) {
      int e = cached(key);
      System.arraycopy(key, 0, cache, e * stride, arity);
      cache[e * stride + arity] = stored;
    }
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
    int i = find(table, mask, key);
    if (i >= 0) {
      table[i * stride + arity] = value + 1L;
    } else {
      if (!removeFromOld(key)) {
        size++;
      }
      insert(table, mask, key, 0, value + 1L);
    }
    remember(key, value + 1L);
    moveSome();
    if (old == null && used * 2 > mask + 1) {
      old = table;
      oldMask = mask;
      moved = 0;
      allocate((mask + 1) * 2);
    }
  }

  /** Removes {@code key}'s entry if there is one. */
  public void remove(long[] key) {
    int i = find(table, mask, key);
    if (i >= 0) {
      uncache(key);
      size--;
      used--;
      // Shift back every following entry of the run whose home slot is not between the hole and it.
      for (int j = (i + 1) & mask; table[j * stride + arity] != 0; j = (j + 1) & mask) {
        int home = slot(table, j * stride, mask);
        if (((j - home) & mask) >= ((j - i) & mask)) {
          System.arraycopy(table, j * stride, table, i * stride, stride);
          i = j;
        }
      }
      table[i * stride + arity] = 0;
    } else if (removeFromOld(key)) {
      size--;
    }
    moveSome();
  }

  /** Makes {@code key}'s entry in the old table (if growing and it has one) a tombstone; true if there was one. */
  private boolean removeFromOld(long[] key) {
    if (old == null) {
      return false;
    }
    int j = find(old, oldMask, key);
    if (j < 0) {
      return false;
    }
    old[j * stride + arity] = TOMBSTONE;
    uncache(key);
    return true;
  }

  /** While growing, moves the next {@link #MOVES} old slots' entries into the new table. */
  private void moveSome() {
    if (old == null) {
      return;
    }
    int end = Math.min(moved + MOVES, oldMask + 1);
    for (; moved < end; moved++) {
      int base = moved * stride;
      if (old[base + arity] > 0) {
        insert(table, mask, old, base, old[base + arity]);
        old[base + arity] = TOMBSTONE;
      }
    }
    if (moved > oldMask) {
      old = null;
    }
  }

  /** Stores a key known to be absent from {@code t} (at {@code from[offset..]}) with its stored value (value + 1). */
  private void insert(long[] t, int m, long[] from, int offset, long stored) {
    int i = slot(from, offset, m);
    while (t[i * stride + arity] != 0) {
      i = (i + 1) & m;
    }
    System.arraycopy(from, offset, t, i * stride, arity);
    t[i * stride + arity] = stored;
    used++;
  }

  /** Calls {@code action} with every value, in no particular order. Do not modify the map meanwhile. */
  public void forEachValue(IntConsumer action) {
    forEachValue(table, action);
    if (old != null) {
      forEachValue(old, action);
    }
  }

  private void forEachValue(long[] t, IntConsumer action) {
    for (int base = arity; base < t.length; base += stride) {
      if (t[base] > 0) {
        action.accept((int) t[base] - 1);
      }
    }
  }
}
