package io.eddy.exec.state;

import java.util.function.Consumer;

/**
 * A hash map from a fixed number of primitive {@code long}s to non-null values, for operator state
 * keyed by BIGINT/INT/TIMESTAMP/DATE columns (such as a windowed aggregate's key and window bounds)
 * without a boxed row per lookup. The keys live in one flat array, {@code arity} longs per slot.
 * Open addressing with linear probing; removal shifts the following entries back, so there are no
 * tombstones. Load factor at most 1/2. Not thread-safe.
 */
public final class LongTupleHashMap<V> {
  private final int arity;
  private long[] keys;
  private Object[] values;
  private int mask;
  private int size;

  public LongTupleHashMap(int arity) {
    if (arity < 1) {
      throw new IllegalArgumentException("arity " + arity);
    }
    this.arity = arity;
    allocate(16);
  }

  private void allocate(int capacity) {
    keys = new long[capacity * arity];
    values = new Object[capacity];
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

  /** The value of {@code key} (its first {@code arity} longs), or null. */
  @SuppressWarnings("unchecked")
  public V get(long[] key) {
    for (int i = slot(key, 0); values[i] != null; i = (i + 1) & mask) {
      if (sameKey(i, key)) {
        return (V) values[i];
      }
    }
    return null;
  }

  /** Maps {@code key} to {@code value} (non-null), replacing any previous value; the key is copied. */
  public void put(long[] key, V value) {
    if (value == null) {
      throw new NullPointerException("value");
    }
    for (int i = slot(key, 0); values[i] != null; i = (i + 1) & mask) {
      if (sameKey(i, key)) {
        values[i] = value;
        return;
      }
    }
    insert(key, 0, value);
    if (size * 2 > values.length) {
      rehash(values.length * 2);
    }
  }

  /** Removes {@code key}'s entry if there is one. */
  public void remove(long[] key) {
    int i = slot(key, 0);
    while (values[i] != null && !sameKey(i, key)) {
      i = (i + 1) & mask;
    }
    if (values[i] == null) {
      return;
    }
    size--;
    // Shift back every following entry of the run whose home slot is not between the hole and it.
    for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int home = slot(keys, j * arity);
      if (((j - home) & mask) >= ((j - i) & mask)) {
        System.arraycopy(keys, j * arity, keys, i * arity, arity);
        values[i] = values[j];
        i = j;
      }
    }
    values[i] = null;
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    allocate(capacity);
    size = 0;
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] != null) {
        insert(oldKeys, i * arity, oldValues[i]);
      }
    }
  }

  /** Stores a key known to be absent (at {@code from[offset..]}) in the first free slot of its run. */
  private void insert(long[] from, int offset, Object value) {
    int i = slot(from, offset);
    while (values[i] != null) {
      i = (i + 1) & mask;
    }
    System.arraycopy(from, offset, keys, i * arity, arity);
    values[i] = value;
    size++;
  }

  /** Calls {@code action} with every value, in no particular order. Do not modify the map meanwhile. */
  @SuppressWarnings("unchecked")
  public void forEachValue(Consumer<? super V> action) {
    for (Object v : values) {
      if (v != null) {
        action.accept((V) v);
      }
    }
  }
}
