package io.eddy.exec.state;

/**
 * An open-addressing table of int ids (≥ 0) by a 32-bit hash the caller computes; the caller also
 * decides equality, by walking the ids stored under a hash:
 *
 * <pre>{@code
 * for (int s = slots.first(h); s >= 0; s = slots.next(s, h)) {
 *   if (sameThing(slots.id(s))) ...
 * }
 * }</pre>
 *
 * Each slot is one {@code long} (hash in the high half, id + 1 in the low half, 0 when empty), so
 * a lookup compares hashes without touching the caller's data, and the table holds no object per
 * entry. Linear probing, load factor at most 2/3; removal shifts the following entries of the run
 * back, so there are no tombstones. Do not add or remove while walking. Not thread-safe.
 */
public final class HashSlots {
  private long[] slots;
  private int shift;
  private int size;

  public HashSlots() {
    allocate(16);
  }

  private void allocate(int capacity) {
    slots = new long[capacity];
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  public int size() {
    return size;
  }

  private int home(int hash) {
    return (int) ((hash * 0x9E3779B97F4A7C15L) >>> shift);
  }

  private int mask() {
    return slots.length - 1;
  }

  /** The first slot holding an id under {@code hash}, or -1. */
  public int first(int hash) {
    return scan(home(hash), hash);
  }

  /** The next slot after {@code slot} holding an id under {@code hash}, or -1. */
  public int next(int slot, int hash) {
    return scan((slot + 1) & mask(), hash);
  }

  private int scan(int from, int hash) {
    for (int i = from; ; i = (i + 1) & mask()) {
      long s = slots[i];
      if (s == 0) {
        return -1;
      } else if ((int) (s >>> 32) == hash) {
        return i;
      }
    }
  }

  /** The id in {@code slot} (from {@link #first} or {@link #next}). */
  public int id(int slot) {
    return (int) slots[slot] - 1;
  }

  /** Stores {@code id} under {@code hash} (the same id must not be stored twice). */
  public void add(int hash, int id) {
    if ((size + 1) * 3L > slots.length * 2L) {
      long[] old = slots;
      allocate(slots.length * 2);
      for (long s : old) {
        if (s != 0) {
          put(s);
        }
      }
    }
    put(((long) hash << 32) | (id + 1L));
    size++;
  }

  private void put(long entry) {
    int i = home((int) (entry >>> 32));
    while (slots[i] != 0) {
      i = (i + 1) & mask();
    }
    slots[i] = entry;
  }

  /** Replaces the id in {@code slot} (same hash). */
  public void replace(int slot, int id) {
    slots[slot] = (slots[slot] & 0xFFFF_FFFF_0000_0000L) | (id + 1L);
  }

  /** Removes the entry in {@code slot}. */
  public void remove(int slot) {
    int i = slot;
    size--;
    // Shift back every following entry of the run whose home slot is not between the hole and it.
    for (int j = (i + 1) & mask(); slots[j] != 0; j = (j + 1) & mask()) {
      int home = home((int) (slots[j] >>> 32));
      if (((j - home) & mask()) >= ((j - i) & mask())) {
        slots[i] = slots[j];
        i = j;
      }
    }
    slots[i] = 0;
  }

  /** The slot holding {@code id} under {@code hash}, or -1. */
  public int slotOf(int hash, int id) {
    for (int s = first(hash); s >= 0; s = next(s, hash)) {
      if (id(s) == id) {
        return s;
      }
    }
    return -1;
  }

  public void clear() {
    allocate(16);
    size = 0;
  }
}
