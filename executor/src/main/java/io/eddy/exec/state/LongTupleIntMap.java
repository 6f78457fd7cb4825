package io.eddy.exec.state;

import java.util.function.IntConsumer;

/**
 * A hash map from a fixed number of primitive {@code long}s to non-negative ints (ids), for operator state
 * keyed by BIGINT/INT/TIMESTAMP/DATE columns (such as a windowed aggregate's key and window bounds)
 * without a boxed row per lookup. The keys live in one flat array, {@code arity} longs per slot, the
 * values in another (value + 1; 0 marks an empty slot).
 * Open addressing with linear probing; removal shifts the following entries back, so there are no
 * tombstones. Load factor at most 1/2. Not thread-safe.
 */
public final class LongTupleIntMap {
  private final int arity;
  private long[] keys;
  private int[] values;
  private int mask;
  private int size;

  public LongTupleIntMap(int arity) {
    if (arity < 1) {
      throw new IllegalArgumentException("arity " + arity);
    }
    this.arity = arity;
    allocate(16);
  }

  private void allocate(int capacity) {
    keys = new long[capacity * arity];
    values = new int[capacity];
    mask = capacity - 1;
  }

  public int size() {
    return size;
  }

  private int slot(long[] from, int offset) {
    long h = 0;
    for (int c = 0; c < arity; c++) {
      h = (h + from[offset + c]) * 0x9E3779B97F4A7C15L;
    }
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private boolean sameKey(int slot, long[] key) {
    int base = slot * arity;
    for (int c = 0; c < arity; c++) {
      if (keys[base + c] != key[c]) {
        return false;
      }
    }
    return true;
  }

  /** The value of {@code key} (its first {@code arity} longs), or -1. */
  public int get(long[] key) {
    for (int i = slot(key, 0); values[i] != 0; i = (i + 1) & mask) {
      if (sameKey(i, key)) {
        return values[i] - 1;
      }
    }
    return -1;
  }

  /** Maps {@code key} to {@code value} (≥ 0), replacing any previous value; the key is copied. */
  public void put(long[] key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("value " + value);
    }
    for (int i = slot(key, 0); values[i] != 0; i = (i + 1) & mask) {
      if (sameKey(i, key)) {
        values[i] = value + 1;
        return;
      }
    }
    insert(key, 0, value + 1);
    if (size * 2 > values.length) {
      rehash(values.length * 2);
    }
  }

  /** Removes {@code key}'s entry if there is one. */
  public void remove(long[] key) {
    int i = slot(key, 0);
    while (values[i] != 0 && !sameKey(i, key)) {
      i = (i + 1) & mask;
    }
    if (values[i] == 0) {
      return;
    }
    size--;
    // Shift back every following entry of the run whose home slot is not between the hole and it.
    for (int j = (i + 1) & mask; values[j] != 0; j = (j + 1) & mask) {
      int home = slot(keys, j * arity);
      if (((j - home) & mask) >= ((j - i) & mask)) {
        System.arraycopy(keys, j * arity, keys, i * arity, arity);
        values[i] = values[j];
        i = j;
      }
    }
    values[i] = 0;
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    int[] oldValues = values;
    allocate(capacity);
    size = 0;
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] != 0) {
        insert(oldKeys, i * arity, oldValues[i]);
      }
    }
  }

  /** Stores a key known to be absent (at {@code from[offset..]}) in the first free slot of its run. */
  private void insert(long[] from, int offset, int stored) {
    int i = slot(from, offset);
    while (values[i] != 0) {
      i = (i + 1) & mask;
    }
    System.arraycopy(from, offset, keys, i * arity, arity);
    values[i] = stored;
    size++;
  }

  /** Calls {@code action} with every value, in no particular order. Do not modify the map meanwhile. */
  public void forEachValue(IntConsumer action) {
    for (int v : values) {
      if (v != 0) {
        action.accept(v - 1);
      }
    }
  }
}
