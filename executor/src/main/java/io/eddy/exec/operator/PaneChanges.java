package io.eddy.exec.operator;

import io.eddy.exec.state.IntList;
import java.util.Arrays;

/**
 * What one batch changed in a {@link HopCountOperator}: per (key, pane) an entry of {@code width}
 * longs (the same layout as a pane of {@link PaneRings}), listed per key, and the keys touched in
 * the order first touched. Cleared after each batch. Not thread-safe.
 */
final class PaneChanges {
  private final int width;
  /** Per key id: its newest entry (-1: untouched); entries link to the key's earlier ones. */
  private int[] first = new int[0];
  private long[] pane = new long[64];
  private int[] next = new int[64];
  private long[] value;
  private int size;
  private final IntList touched = new IntList();

  PaneChanges(int width) {
    this.width = width;
    this.value = new long[64 * width];
  }

  /** Makes room for key ids below {@code capacity}; new ids are untouched. */
  void ensureKeys(int capacity) {
    if (first.length < capacity) {
      int old = first.length;
      first = Arrays.copyOf(first, capacity);
      Arrays.fill(first, old, capacity, -1);
    }
  }

  /** The entry of pane {@code p} of key {@code g}, made (zero) if new. */
  int entry(int g, long p) {
    for (int c = first[g]; c >= 0; c = next[c]) {
      if (pane[c] == p) {
        return c;
      }
    }
    if (first[g] < 0) {
      touched.add(g);
    }
    if (size == pane.length) {
      pane = Arrays.copyOf(pane, size * 2);
      next = Arrays.copyOf(next, size * 2);
      value = Arrays.copyOf(value, size * 2 * width);
    }
    int c = size++;
    pane[c] = p;
    next[c] = first[g];
    Arrays.fill(value, c * width, (c + 1) * width, 0);
    first[g] = c;
    return c;
  }

  /** Adds {@code w} to long {@code j} of entry {@code c}. */
  void add(int c, int j, long w) {
    value[c * width + j] += w;
  }

  int touchedKeys() {
    return touched.size();
  }

  /** The {@code k}th key touched. */
  int touchedKey(int k) {
    return touched.get(k);
  }

  /** Key {@code g}'s newest entry, or -1. */
  int first(int g) {
    return first[g];
  }

  /** The key's entry before {@code c}, or -1. */
  int next(int c) {
    return next[c];
  }

  long pane(int c) {
    return pane[c];
  }

  /**
   * Sets {@code delta} to key {@code g}'s changes to panes {@code from} to {@code to} (exclusive);
   * returns whether any is non-zero.
   */
  boolean delta(int g, long from, long to, long[] delta) {
    Arrays.fill(delta, 0);
    boolean changed = false;
    for (int c = first[g]; c >= 0; c = next[c]) {
      if (pane[c] >= from && pane[c] < to) {
        for (int j = 0; j < width; j++) {
          delta[j] += value[c * width + j];
          changed |= value[c * width + j] != 0;
        }
      }
    }
    return changed;
  }

  /** Forgets the batch. */
  void clear() {
    for (int k = 0; k < touched.size(); k++) {
      first[touched.get(k)] = -1;
    }
    touched.clear();
    size = 0;
  }
}
