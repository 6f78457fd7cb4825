package io.eddy.exec.state;

/**
 * A hash map from primitive {@code long} to non-null values, for operator state keyed by one
 * BIGINT/INT/TIMESTAMP/DATE column without boxing the key. Open addressing with linear probing;
 * removal shifts the following entries back, so there are no tombstones. Load factor at most
 * 1/2. Not thread-safe.
 */
public final class LongHashMap<V> {
  private long[] keys;
  private Object[] values;
  private int mask;
  private int size;

  public LongHashMap() {
    allocate(16);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
  }

  public int size() {
    return size;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public V get(long key) {
    for (int i = slot(key); values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return (V) values[i];
      }
    }
    return null;
  }

  /** Maps {@code key} to {@code value} (non-null), replacing any previous value. */
  public void put(long key, V value) {
    if (value == null) {
      throw new NullPointerException("value");
    }
    for (int i = slot(key); values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
    }
    insert(key, value);
    if (size * 2 > keys.length) {
      rehash(keys.length * 2);
    }
  }

  /** Removes {@code key}'s entry if there is one. */
  public void remove(long key) {
    int i = slot(key);
    while (values[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (values[i] == null) {
      return;
    }
    size--;
    // Shift back every following entry of the run whose home slot is not between the hole and it.
    for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int home = slot(keys[j]);
      if (((j - home) & mask) >= ((j - i) & mask)) {
        keys[i] = keys[j];
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
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        insert(oldKeys[i], oldValues[i]);
      }
    }
  }

  /** Stores a key known to be absent in the first free slot of its run. */
  private void insert(long key, Object value) {
    int i = slot(key);
    while (values[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** Calls {@code action} with every value, in no particular order. Do not modify the map meanwhile. */
  @SuppressWarnings("unchecked")
  public void forEachValue(java.util.function.Consumer<? super V> action) {
    for (Object v : values) {
      if (v != null) {
        action.accept((V) v);
      }
    }
  }
}
