package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.LateRowSink;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.Partitioning;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggKind;
import io.eddy.exec.state.DueQueue;
import io.eddy.exec.state.IntList;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import io.eddy.exec.window.WindowSpec;
import java.util.Arrays;
import java.util.List;

/**
 * COUNTs per key over event-time HOP windows, kept per pane: the fusion of
 * {@link io.eddy.exec.window.WindowAssignOperator} (HOP) and an {@link AggregateOperator} grouped
 * by the key columns and the window's bounds, with the same output, late rows and state freeing.
 * A hopping window is {@code size / pane} consecutive panes, where a pane is the greatest common
 * divisor of the size and the slide; each input row is counted once, into its pane, instead of
 * once into each of the windows it belongs to. Windows are summed from their panes when their
 * rows are emitted.
 *
 * <p>Per key (an int id from a {@link GroupIndex}) the panes are a ring of {@link PaneRings}, each
 * pane the rows' weight sum followed by one non-NULL count per nullable COUNT argument. A key is
 * freed when the watermark closes the last window of its newest pane, paced as
 * {@link AggregateOperator} paces its groups; until then it is on the close queue exactly once.
 *
 * <p>Each batch is applied pane by pane and its changes per (key, pane) kept aside; then, per
 * touched key, each open window containing a changed pane is emitted as (old, -1), (new, +1), the
 * old counts being the new ones less the batch's changes. A row for a window that is closed (its
 * end at or before the watermark when the row arrives) is dropped from that window, counted once
 * in {@link #lateRows()} and routed to the {@link LateRowSink} once per missed window, exactly as
 * the window operator does. Driven by one thread; {@link #stateSize()} and {@link #lateRows()} may
 * be read from any.
 */
public final class HopCountOperator implements Operator, Checkpointable {
  /** Leads the checkpointed state. */
  private static final int STATE_FORMAT = 0x48430001;
  /** Bytes assumed per key beyond its panes: its slots in the index and the per-key arrays. */
  private static final long KEY_BYTES = 64;
  /** The most panes a window may have (a new key's ring holds one window). */
  private static final long MAX_PANES_PER_WINDOW = 1 << 20;
  private static final byte LIVE = 1;
  private static final byte QUEUED = 2;

  private final RowType inputType;
  private final RowType outputType;
  private final int timeColumn;
  private final WindowSpec spec;
  private final int[] keys;
  private final boolean withStart;
  private final boolean withEnd;
  /** Pane length (millis), panes per window, panes between window starts. */
  private final long pane;
  private final long panesPerWindow;
  private final long panesPerSlide;
  /** Longs per pane: the weight sum, then one count per counted nullable column. */
  private final int width;
  /** Per counter from 1: the input column it counts the non-NULL values of. */
  private final int[] countedColumns;
  /** Per call: which counter is its result (0: the weight sum, COUNT(*)). */
  private final int[] resultCounter;
  /** Key ids by key columns; null without key columns (the one key is id 0). */
  private final GroupIndex groups;

  /** Per key id: its panes, flags (live, queued) and this batch's changes. */
  private final PaneRings rings;
  private byte[] flags = new byte[0];
  private final PaneChanges changes;
  /** Scratch: the starts (in panes) of a key's windows to emit, and a window's sums. */
  private long[] starts = new long[16];
  private final long[] sums;
  private final long[] delta;

  private final DueQueue closeQueue = new DueQueue();
  private long watermark = Long.MIN_VALUE;
  /** The first pane an open window contains (Long.MIN_VALUE before any watermark). */
  private long firstLivePane = Long.MIN_VALUE;
  /** Rows in panes below this are late for one window at least: their first window is closed. */
  private long lateBelowPane = Long.MIN_VALUE;
  /** Whether the last {@link #key} set up a new key. */
  private boolean created;
  private volatile long late;
  private volatile StateSize size = StateSize.NONE;
  private LateRowSink lateSink = LateRowSink.NONE;
  private Emitter out;

  /**
   * Counts {@code calls} (COUNT, not DISTINCT, no FILTER; an argument at or past the input's arity
   * names a window bound, never NULL) per value of {@code keys} (input columns) and HOP window
   * {@code spec} over event-time column {@code timeColumn}. Output rows are the key columns, then
   * {@code window_start} if {@code withStart}, {@code window_end} if {@code withEnd} (at least
   * one), then the calls' counts.
   */
  public HopCountOperator(RowType inputType, int timeColumn, WindowSpec spec, int[] keys, boolean withStart,
      boolean withEnd, List<AggCall> calls, RowType outputType) {
    if (!fits(spec)) {
      throw new IllegalArgumentException("panes need a HOP window no shorter than its slide and of at most "
          + MAX_PANES_PER_WINDOW + " panes, not " + spec);
    }
    if (!withStart && !withEnd) {
      throw new IllegalArgumentException("the output must be grouped by a window bound");
    }
    int bounds = (withStart ? 1 : 0) + (withEnd ? 1 : 0);
    if (outputType.size() != keys.length + bounds + calls.size()) {
      throw new IllegalArgumentException("output has " + outputType.size() + " columns, expected "
          + keys.length + " keys + " + bounds + " bounds + " + calls.size() + " calls");
    }
    this.inputType = inputType;
    this.outputType = outputType;
    this.timeColumn = timeColumn;
    this.spec = spec;
    this.keys = keys.clone();
    this.withStart = withStart;
    this.withEnd = withEnd;
    this.pane = spec.pane();
    this.panesPerWindow = spec.size() / pane;
    this.panesPerSlide = spec.slide() / pane;
    this.resultCounter = new int[calls.size()];
    int[] counted = new int[calls.size()];
    int counters = 1;
    for (int i = 0; i < calls.size(); i++) {
      AggCall call = calls.get(i);
      if (call.kind() != AggKind.COUNT || call.distinct() || call.filterArg() >= 0
          || call.outType().kind() != TypeKind.BIGINT) {
        throw new IllegalArgumentException("panes count rows only: " + call);
      }
      int arg = call.arg();
      if (arg < 0 || arg >= inputType.size() || !inputType.type(arg).nullable()) {
        continue; // COUNT(*), or a column never NULL: the weight sum
      }
      int known = 1;
      while (known < counters && counted[known - 1] != arg) {
        known++;
      }
      if (known == counters) {
        counted[counters++ - 1] = arg;
      }
      resultCounter[i] = known;
    }
    this.countedColumns = Arrays.copyOf(counted, counters - 1);
    this.width = counters;
    this.sums = new long[width];
    this.delta = new long[width];
    this.groups = keys.length == 0 ? null : new GroupIndex(inputType, this.keys);
    this.rings = new PaneRings(width, panesPerWindow);
    this.changes = new PaneChanges(width);
  }

  /**
   * Whether this operator can count {@code spec}'s windows: a HOP no shorter than its slide (a
   * longer slide leaves rows in no window) of at most {@value #MAX_PANES_PER_WINDOW} panes.
   */
  public static boolean fits(WindowSpec spec) {
    return spec.kind() == WindowSpec.Kind.HOP && spec.slide() <= spec.size()
        && spec.size() / spec.pane() <= MAX_PANES_PER_WINDOW;
  }

  @Override
  public void routeLateRows(LateRowSink sink) {
    this.lateSink = sink;
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch b) {
    long dropped = 0;
    for (int r = 0, n = b.size(); r < n; r++) {
      long w = b.weight(r);
      if (w == 0 || b.isNull(timeColumn, r)) {
        continue;
      }
      long time = b.getLong(timeColumn, r);
      long p = Math.floorDiv(time - spec.offset(), pane);
      if (p < lateBelowPane) {
        dropped++;
        routeLate(b, r, time, w);
        if (p < firstLivePane) {
          continue;
        }
      }
      int g = key(b, r);
      int slot = rings.slot(g, p, firstLivePane);
      if (created) {
        queue(g); // after its first pane, which says when it closes
      }
      add(g, slot, p, b, r, w);
    }
    if (dropped > 0) {
      late += dropped;
    }
    emitChanges();
  }

  /** The start (in panes) of the last window containing pane {@code p}. */
  private long lastStartOf(long p) {
    return Math.floorDiv(p, panesPerSlide) * panesPerSlide;
  }

  private long windowStart(long startPane) {
    return spec.offset() + startPane * pane;
  }

  private long windowEnd(long startPane) {
    return windowStart(startPane) + spec.size();
  }

  /** Routes the row to the late sink once per closed window it is in, as the window operator does. */
  private void routeLate(ZBatch b, int r, long time, long w) {
    spec.assign(time, (start, end) -> {
      if (end <= watermark) {
        for (long i = 0; i < w; i++) {
          lateSink.late(inputType, b, r, time, start, end);
        }
      }
    });
  }

  /** The id of row {@code r}'s key, set up when new ({@link #created}). */
  private int key(ZBatch b, int r) {
    int g = 0;
    if (groups != null) {
      g = groups.find(b, r);
      created = groups.created();
    } else {
      created = flags.length == 0 || (flags[0] & LIVE) == 0;
    }
    if (created) {
      setUp(g);
    }
    return g;
  }

  /** Sets up the per-key state of new key {@code g} (no panes yet). */
  private void setUp(int g) {
    int capacity = groups == null ? 1 : groups.capacity();
    rings.ensureKeys(capacity);
    changes.ensureKeys(capacity);
    if (flags.length < capacity) {
      flags = Arrays.copyOf(flags, capacity);
    }
    rings.clear(g);
    flags[g] = LIVE;
  }

  /**
   * Adds row {@code r} with weight {@code w} to pane {@code p} of key {@code g} (at {@code slot} of
   * its ring), and to the batch's changes.
   */
  private void add(int g, int slot, long p, ZBatch b, int r, long w) {
    rings.add(slot, 0, w);
    int c = changes.entry(g, p);
    changes.add(c, 0, w);
    for (int k = 0; k < countedColumns.length; k++) {
      if (!b.isNull(countedColumns[k], r)) {
        rings.add(slot, 1 + k, w);
        changes.add(c, 1 + k, w);
      }
    }
  }

  /** Queues key {@code g} to be freed when the last window of its newest pane closes (once at a time). */
  private void queue(int g) {
    if ((flags[g] & QUEUED) == 0) {
      flags[g] |= QUEUED;
      closeQueue.add(lastEnd(g), g);
    }
  }

  /** When the last window of key {@code g}'s newest pane ends. */
  private long lastEnd(int g) {
    return windowEnd(lastStartOf(rings.end(g) - 1));
  }

  /** Emits, per touched key, each open window containing a changed pane whose counts changed. */
  private void emitChanges() {
    if (changes.touchedKeys() == 0) {
      return;
    }
    // a touched pane changes ceil(panesPerWindow / panesPerSlide) windows, each a retraction and an insertion
    long perKey = 2 * ((panesPerWindow + panesPerSlide - 1) / panesPerSlide);
    BatchBuilder b = new BatchBuilder(outputType, (int) Math.min(1 << 20, changes.touchedKeys() * perKey));
    for (int k = 0; k < changes.touchedKeys(); k++) {
      int g = changes.touchedKey(k);
      int n = windowsToEmit(g);
      for (int i = 0; i < n; i++) {
        emitWindow(b, g, starts[i]);
      }
    }
    changes.clear();
    size = stateSizeNow();
    if (b.size() > 0) {
      out.emit(b.build());
    }
  }

  /** Puts into {@link #starts} the open windows containing key {@code g}'s changed panes, ascending; returns how many. */
  private int windowsToEmit(int g) {
    int n = 0;
    for (int c = changes.first(g); c >= 0; c = changes.next(c)) {
      long p = changes.pane(c);
      for (long s = lastStartOf(p); s > p - panesPerWindow; s -= panesPerSlide) {
        if (windowEnd(s) <= watermark) {
          break; // and the earlier ones too
        }
        int pos = Arrays.binarySearch(starts, 0, n, s);
        if (pos < 0) {
          pos = -pos - 1;
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
          }
          System.arraycopy(starts, pos, starts, pos + 1, n - pos);
          starts[pos] = s;
          n++;
        }
      }
    }
    return n;
  }

  /** Emits the change of key {@code g}'s window starting at pane {@code s}, if its counts changed. */
  private void emitWindow(BatchBuilder b, int g, long s) {
    if (!changes.delta(g, s, s + panesPerWindow, delta)) {
      return;
    }
    Arrays.fill(sums, 0);
    rings.sum(g, s, s + panesPerWindow, sums);
    if (sums[0] - delta[0] > 0) {
      emitRow(b, g, s, -1, true);
    }
    if (sums[0] > 0) {
      emitRow(b, g, s, 1, false);
    }
  }

  /** Adds key {@code g}'s row for the window at pane {@code s}: its counts before the batch ({@code old}) or now. */
  private void emitRow(BatchBuilder b, int g, long s, long w, boolean old) {
    if (groups != null) {
      groups.copyKey(g, b);
    }
    int c = keys.length;
    if (withStart) {
      b.longField(c++, windowStart(s));
    }
    if (withEnd) {
      b.longField(c++, windowEnd(s));
    }
    for (int i = 0; i < resultCounter.length; i++) {
      int j = resultCounter[i];
      b.longField(c + i, old ? sums[j] - delta[j] : sums[j]);
    }
    b.endRow(w);
  }

  @Override
  public void onWatermark(long wm) {
    if (wm > watermark) {
      watermark = wm;
      firstLivePane = firstLivePane(wm);
      // the first window of pane p starts after p - panesPerWindow; it is open from firstLivePane on
      lateBelowPane = firstLivePane + panesPerWindow - panesPerSlide;
    }
    closeQueue.advanceThrough(wm, null);
    freeReleased((int) Math.min(Integer.MAX_VALUE, closeQueue.dueBy(wm)));
  }

  /**
   * The first pane an open window (one ending after {@code wm}) contains: the start of the first
   * open window. Past any time a row can have (near {@link Long#MAX_VALUE}) every pane is dead.
   */
  private long firstLivePane(long wm) {
    if (wm > Long.MAX_VALUE / 4) {
      return Long.MAX_VALUE / 4;
    }
    long first = Math.floorDiv(wm - spec.size() - spec.offset(), pane) + 1;
    return Math.floorDiv(first + panesPerSlide - 1, panesPerSlide) * panesPerSlide;
  }

  /** Frees up to {@code budget} keys whose windows all closed (a key that got newer panes is queued again). */
  @Override
  public boolean freeReleased(int budget) {
    if (budget == 0 || closeQueue.backlog() == 0) {
      return closeQueue.backlog() > 0;
    }
    closeQueue.drain(budget, g -> {
      flags[g] &= ~QUEUED;
      if (lastEnd(g) > watermark) {
        queue(g);
      } else {
        free(g);
      }
    });
    size = stateSizeNow();
    return closeQueue.backlog() > 0;
  }

  private void free(int g) {
    rings.release(g);
    flags[g] = 0;
    if (groups != null) {
      groups.unmap(g);
      groups.free(g);
    }
  }

  private StateSize stateSizeNow() {
    long keys = groups != null ? groups.size() : flags.length > 0 && (flags[0] & LIVE) != 0 ? 1 : 0;
    return new StateSize(keys, keys * KEY_BYTES + rings.bytes());
  }

  @Override
  public long lateRows() {
    return late;
  }

  @Override
  public StateSize stateSize() {
    return size;
  }

  @Override
  public String stateBound() {
    return "bounded by the watermark: a key is freed when the last window of its newest pane closes";
  }

  @Override
  public Partitioning partitioning(int port) {
    return Partitioning.keyed(keys);
  }

  @Override
  public String describe() {
    return "HopCount(" + spec + ", time=$" + timeColumn + ", keys=" + Arrays.toString(keys)
        + (withStart ? ", window_start" : "") + (withEnd ? ", window_end" : "") + ", panes of " + pane + " ms, "
        + resultCounter.length + " COUNT" + (resultCounter.length == 1 ? "" : "s") + ")";
  }

  /** The watermark, the late count, and every key with its live panes. */
  @Override
  public void snapshot(StateOutput out) {
    freeReleased(Integer.MAX_VALUE);
    out.writeInt(STATE_FORMAT).writeLong(watermark).writeLong(late);
    IntList all = new IntList();
    if (groups != null) {
      groups.forEach(all::add);
    } else if (flags.length > 0 && (flags[0] & LIVE) != 0) {
      all.add(0);
    }
    out.writeInt(all.size());
    for (int i = 0; i < all.size(); i++) {
      int g = all.get(i);
      if (groups != null) {
        out.writeRow(groups.key(g));
      }
      rings.write(g, out);
    }
  }

  @Override
  public void restore(StateInput in) {
    if (in.readInt() != STATE_FORMAT) {
      throw new IllegalStateException("checkpoint of a hop count in another state format");
    }
    long wm = in.readLong();
    late = in.readLong();
    if (wm != Long.MIN_VALUE) {
      onWatermark(wm);
    }
    for (int i = in.readCount(); i > 0; i--) {
      int g = 0;
      if (groups != null) {
        g = groups.find(in.readRow());
      }
      setUp(g);
      rings.read(g, in);
      queue(g);
    }
    size = stateSizeNow();
  }
}
