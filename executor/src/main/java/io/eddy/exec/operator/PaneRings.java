package io.eddy.exec.operator;

import io.eddy.exec.state.IntList;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.Arrays;

/**
 * The panes of every key of a {@link HopCountOperator}: per key id a ring of a power-of-two number
 * of panes in one slab of longs shared by all keys, {@code width} longs a pane. Pane {@code p} of
 * key {@code g} is in slot {@code p mod capacity}; the key's panes from {@code lo} to {@code hi}
 * (exclusive) may be non-zero, every other slot is zero. Panes below the first live one (which
 * no open window contains) are cleared as the key is touched; a ring doubles when its live span
 * outgrows it, up to twice a new key's ring; a key whose ring panes are all dead starts afresh
 * with a new key's ring, so the rings are the same whenever a dead key happens to be freed. A pane
 * farther from the ring's panes than that (a row far ahead of, or behind, the others of its key:
 * a wrong clock) is a <em>stray</em>, one pane of its own on a short list per key, so one such row
 * costs one pane, not a ring spanning the gap. A pane's value is its ring slot plus its stray, if
 * any. Regions are reused per capacity. Not thread-safe.
 */
final class PaneRings {
  private final int width;
  /** Log2 of a new key's ring: room for one pane more than a window has, at least four. */
  private final int initialLog;
  /** Log2 of the largest ring: twice a new key's (22 at most: a window has at most 2^20 panes). */
  private final int maxLog;
  private long[] lo = new long[0];
  private long[] hi = new long[0];
  /** Where each key's ring starts in the slab; -1 for none. */
  private int[] at = new int[0];
  private byte[] capacityLog = new byte[0];
  /** Per key: its newest pane (ring or stray) plus one. */
  private long[] end = new long[0];
  /** Per key: its first stray (-1: none); strays link to the key's next one. */
  private int[] firstStray = new int[0];
  private long[] strayPane = new long[16];
  private int[] strayNext = new int[16];
  private int[] strayAt = new int[16];
  private int strays;
  private final IntList freeStrays = new IntList();
  private long[] slab = new long[1024];
  private int slabTop;
  private final IntList[] freeRegions = new IntList[32];
  private long inUse;

  PaneRings(int width, long panesPerWindow) {
    this.width = width;
    this.initialLog = Math.max(2, 64 - Long.numberOfLeadingZeros(panesPerWindow));
    this.maxLog = initialLog + 1;
  }

  /** Makes room for key ids below {@code capacity}. */
  void ensureKeys(int capacity) {
    if (at.length < capacity) {
      lo = Arrays.copyOf(lo, capacity);
      hi = Arrays.copyOf(hi, capacity);
      at = Arrays.copyOf(at, capacity);
      capacityLog = Arrays.copyOf(capacityLog, capacity);
      end = Arrays.copyOf(end, capacity);
      firstStray = Arrays.copyOf(firstStray, capacity);
    }
  }

  /** Key {@code g} is new: no ring yet. */
  void clear(int g) {
    at[g] = -1;
    firstStray[g] = -1;
    end[g] = Long.MIN_VALUE;
  }

  /** Frees key {@code g}'s ring and strays. */
  void release(int g) {
    release(at[g], capacityLog[g]);
    at[g] = -1;
    dropStrays(g, Long.MAX_VALUE);
  }

  /** Adds {@code w} to long {@code j} of the pane at {@code slot} (from {@link #slot}). */
  void add(int slot, int j, long w) {
    slab[slot + j] += w;
  }

  /**
   * Where pane {@code p} of key {@code g} is, its ring made to cover it ({@code firstLivePane}: the
   * first pane an open window contains); valid until the next call.
   */
  int slot(int g, long p, long firstLivePane) {
    if (at[g] >= 0 && p >= lo[g] && p < hi[g]) {
      return index(g, p); // the common case: a pane the ring holds (and end[g] >= hi[g] already)
    }
    end[g] = Math.max(end[g], p + 1);
    if (at[g] < 0) {
      allocate(g, initialLog);
      lo[g] = p;
      hi[g] = p + 1;
    } else {
      dropDead(g, firstLivePane);
      if (lo[g] == hi[g]) {
        if (capacityLog[g] != initialLog) {
          release(at[g], capacityLog[g]);
          allocate(g, initialLog);
        }
        lo[g] = p;
        hi[g] = p + 1;
      } else {
        long from = Math.min(lo[g], p);
        long to = Math.max(hi[g], p + 1);
        if (to - from > (1L << capacityLog[g])) {
          if (to - from > (1L << maxLog)) {
            return stray(g, p);
          }
          grow(g, from, to);
        }
        lo[g] = from;
        hi[g] = to;
      }
    }
    return index(g, p);
  }

  private int index(int g, long p) {
    return at[g] + (int) (p & ((1L << capacityLog[g]) - 1)) * width;
  }

  /** The slab index of key {@code g}'s stray pane {@code p}, made (zero) if new. */
  private int stray(int g, long p) {
    for (int e = firstStray[g]; e >= 0; e = strayNext[e]) {
      if (strayPane[e] == p) {
        return strayAt[e];
      }
    }
    int e;
    if (freeStrays.size() > 0) {
      e = freeStrays.removeLast();
    } else {
      if (strays == strayPane.length) {
        strayPane = Arrays.copyOf(strayPane, strays * 2);
        strayNext = Arrays.copyOf(strayNext, strays * 2);
        strayAt = Arrays.copyOf(strayAt, strays * 2);
      }
      e = strays++;
    }
    strayPane[e] = p;
    strayAt[e] = region(0);
    strayNext[e] = firstStray[g];
    firstStray[g] = e;
    return strayAt[e];
  }

  /** Frees key {@code g}'s strays below pane {@code below}. */
  private void dropStrays(int g, long below) {
    int kept = -1;
    for (int e = firstStray[g], next; e >= 0; e = next) {
      next = strayNext[e];
      if (strayPane[e] < below) {
        release(strayAt[e], 0);
        freeStrays.add(e);
      } else {
        strayNext[e] = kept;
        kept = e;
      }
    }
    firstStray[g] = kept;
  }

  /** The newest pane key {@code g} has had, plus one. */
  long end(int g) {
    return end[g];
  }

  /** Adds the sums of key {@code g}'s panes {@code from} to {@code to} (exclusive) into {@code sums}. */
  void sum(int g, long from, long to, long[] sums) {
    for (long q = Math.max(from, lo[g]), end = Math.min(to, hi[g]); q < end; q++) {
      int slot = index(g, q);
      for (int j = 0; j < width; j++) {
        sums[j] += slab[slot + j];
      }
    }
    for (int e = firstStray[g]; e >= 0; e = strayNext[e]) {
      if (strayPane[e] >= from && strayPane[e] < to) {
        for (int j = 0; j < width; j++) {
          sums[j] += slab[strayAt[e] + j];
        }
      }
    }
  }

  /** Clears key {@code g}'s panes below {@code firstLivePane}. */
  void dropDead(int g, long firstLivePane) {
    if (firstStray[g] >= 0) {
      dropStrays(g, firstLivePane);
    }
    if (lo[g] >= firstLivePane) {
      return;
    }
    long end = Math.min(hi[g], firstLivePane);
    for (long q = lo[g]; q < end; q++) {
      int s = index(g, q);
      Arrays.fill(slab, s, s + width, 0);
    }
    lo[g] = end;
    if (lo[g] >= hi[g]) {
      hi[g] = lo[g];
    }
  }

  /** Moves key {@code g}'s ring to one that holds panes {@code from} to {@code to}. */
  private void grow(int g, long from, long to) {
    int oldAt = at[g];
    int oldLog = capacityLog[g];
    int log = 64 - Long.numberOfLeadingZeros(to - from - 1); // at most maxLog: farther panes are strays
    allocate(g, log);
    long oldMask = (1L << oldLog) - 1;
    for (long q = lo[g]; q < hi[g]; q++) {
      System.arraycopy(slab, oldAt + (int) (q & oldMask) * width, slab, index(g, q), width);
    }
    release(oldAt, oldLog);
  }

  /** Gives key {@code g} a zeroed ring of {@code 2^log} panes. */
  private void allocate(int g, int log) {
    at[g] = region(log);
    capacityLog[g] = (byte) log;
  }

  /** A zeroed region of {@code 2^log} panes. */
  private int region(int log) {
    int longs = (1 << log) * width;
    IntList free = freeRegions[log];
    int region;
    if (free != null && free.size() > 0) {
      region = free.removeLast();
    } else {
      if (slabTop + longs > slab.length) {
        slab = Arrays.copyOf(slab, Math.max(slabTop + longs, slab.length * 2));
      }
      region = slabTop;
      slabTop += longs;
    }
    inUse += longs;
    return region;
  }

  private void release(int region, int log) {
    int longs = (1 << log) * width;
    Arrays.fill(slab, region, region + longs, 0);
    if (freeRegions[log] == null) {
      freeRegions[log] = new IntList();
    }
    freeRegions[log].add(region);
    inUse -= longs;
  }

  /** Bytes of the rings in use. */
  long bytes() {
    return inUse * Long.BYTES;
  }

  /**
   * Writes key {@code g}'s ring capacity, panes and strays as they are (dead ones too: when they
   * are dropped, like the bytes they hold, must not depend on whether a checkpoint came between).
   */
  void write(int g, StateOutput out) {
    out.writeInt(capacityLog[g]).writeLong(lo[g]).writeLong(hi[g]).writeLong(end[g]);
    for (long q = lo[g]; q < hi[g]; q++) {
      writePane(index(g, q), out);
    }
    int n = 0;
    for (int e = firstStray[g]; e >= 0; e = strayNext[e]) {
      n++;
    }
    out.writeInt(n);
    for (int e = firstStray[g]; e >= 0; e = strayNext[e]) {
      out.writeLong(strayPane[e]);
      writePane(strayAt[e], out);
    }
  }

  private void writePane(int slot, StateOutput out) {
    for (int j = 0; j < width; j++) {
      out.writeLong(slab[slot + j]);
    }
  }

  private void readPane(int slot, StateInput in) {
    for (int j = 0; j < width; j++) {
      slab[slot + j] = in.readLong();
    }
  }

  /** Reads what {@link #write} wrote into new key {@code g}. */
  void read(int g, StateInput in) {
    allocate(g, in.readInt());
    lo[g] = in.readLong();
    hi[g] = Math.max(lo[g], in.readLong());
    end[g] = in.readLong();
    for (long q = lo[g]; q < hi[g]; q++) {
      readPane(index(g, q), in);
    }
    for (int i = in.readCount(); i > 0; i--) {
      long p = in.readLong();
      readPane(stray(g, p), in);
    }
  }
}
