package io.eddy.exec.state;

import java.util.Arrays;

/** A growable list of ints without a box per element. Not thread-safe. */
public final class IntList {
  private int[] values;
  private int size;

  public IntList(int capacity) {
    values = new int[Math.max(capacity, 2)];
  }

  public IntList() {
    this(8);
  }

  public void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  public int get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i + " of " + size);
    }
    return values[i];
  }

  /** Removes and returns the last element. */
  public int removeLast() {
    if (size == 0) {
      throw new IndexOutOfBoundsException("empty");
    }
    return values[--size];
  }

  public int size() {
    return size;
  }

  public void clear() {
    size = 0;
  }
}
