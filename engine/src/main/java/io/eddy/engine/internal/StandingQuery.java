package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.exec.circuit.Circuit;
import io.eddy.exec.circuit.Dataflow;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.StateSize;
import java.util.List;

/**
 * A running standing query: one thread reads its sources' logs from the start (backfill) and then
 * as records arrive, pushes each batch through the circuit into the sink, and publishes how far it
 * has read so that readers can wait for their own writes ({@link #awaitCaughtUp}).
 *
 * <p>A failure inside the circuit is a bug: the query stops, remembers the error and every later
 * read of it reports the error.
 */
public final class StandingQuery implements AutoCloseable {
  /** Entries of state freed per operator per idle turn (a tenth of a millisecond or so: new input waits for it). */
  private static final int IDLE_FREE = 256;
  /** How long EXPLAIN STATE waits for released state to be freed ({@link #awaitSettled}). */
  private static final long SETTLE_MILLIS = 5000;
  private final String name;
  /** One circuit, or a parallel one ({@code internal.parallel.ParallelCircuit}). */
  private final Dataflow circuit;
  private final List<SourceReader> readers;
  private final LogSignal signal;
  private final Thread thread;
  private final Object progress = new Object();
  private volatile boolean closed;
  /** Whether no operator holds state the watermark released but it has not freed yet. */
  private volatile boolean settled = true;
  private volatile Throwable failure;
  private volatile long rowsIn;
  /**
   * Monotonic logical time of the changes emitted now: the output's event-time watermark for
   * queries over event time (once there is one), else the records read so far.
   */
  private volatile long time;
  private final boolean eventTime;
  private final long[] sourceWatermarks;
  /** A copy of {@link #sourceWatermarks} for other threads, replaced whenever one advances. */
  private volatile long[] publishedWatermarks;
  /** The circuit's late rows go here (LATE INTO); null when they are only counted. */
  private final LateStreamSink late;
  /** Null when this query is not checkpointed. */
  private final QueryCheckpoints checkpoints;
  /** Why a query of a catalog object is not checkpointed (shown by SHOW QUERIES), when it is not. */
  private volatile String uncheckpointed = "checkpoints off";

  public StandingQuery(String name, Dataflow circuit, List<SourceReader> readers, Emitter sink,
      LogSignal signal) {
    this(name, circuit, readers, sink, signal, null, null);
  }

  /**
   * As the five-argument constructor; the rows the circuit drops as late go to {@code late}
   * (nullable: only counted). With {@code checkpoints} non-null (given the same {@code late}) the
   * query opens from its newest usable checkpoint (if any), checkpoints between polls and once
   * more when closed.
   */
  StandingQuery(String name, Dataflow circuit, List<SourceReader> readers, Emitter sink, LogSignal signal,
      LateStreamSink late, QueryCheckpoints checkpoints) {
    this.checkpoints = checkpoints;
    this.name = name;
    this.late = late;
    this.circuit = circuit;
    this.readers = List.copyOf(readers);
    this.signal = signal;
    this.eventTime = readers.stream().anyMatch(SourceReader::hasEventTime);
    this.sourceWatermarks = new long[readers.size()];
    java.util.Arrays.fill(sourceWatermarks, Long.MIN_VALUE);
    this.publishedWatermarks = sourceWatermarks.clone();
    if (checkpoints != null) {
      checkpoints.open(this, sink);
    } else {
      circuit.open(sink, late == null ? io.eddy.exec.circuit.LateRowSink.NONE : late);
    }
    this.thread = new Thread(this::run, "eddy-query-" + name);
    this.thread.setDaemon(true);
  }

  public StandingQuery start() {
    if (failure != null) {
      return this;
    }
    thread.start();
    return this;
  }

  public String name() {
    return name;
  }

  public Dataflow circuit() {
    return circuit;
  }

  public long rowsIn() {
    return rowsIn;
  }

  public long time() {
    return time;
  }

  /** The late stream this query writes to (LATE INTO), or null. */
  String lateStream() {
    return late == null ? null : late.target();
  }

  /** Rows dropped from closed windows by this query's operators. */
  public long lateRows() {
    return circuit.lateRows();
  }

  /** Rows skipped because an expression raised a runtime error (division by zero, bad CAST). */
  public long errors() {
    return circuit.errors();
  }

  /** The last such error's message with the expression it happened in, or null. */
  public String lastError() {
    io.eddy.exec.circuit.RowErrors.Last last = circuit.lastError();
    return last == null ? null : last.message();
  }

  /** Rows whose event time was beyond the allowed future skew. */
  public long skewedRows() {
    long n = 0;
    for (SourceReader r : readers) {
      n += r.skewedRows();
    }
    return n;
  }

  /**
   * Advances source {@code s}'s watermark. For event-time queries {@link #time()} first moves to
   * the minimum watermark over the sources, so the changes the advance causes (closed windows)
   * carry the new time.
   */
  private void advanceWatermark(int s, long wm) {
    if (wm == Long.MIN_VALUE || wm <= sourceWatermarks[s]) {
      return;
    }
    sourceWatermarks[s] = wm;
    publishedWatermarks = sourceWatermarks.clone();
    if (eventTime) {
      long min = Long.MAX_VALUE;
      for (int i = 0; i < sourceWatermarks.length; i++) {
        if (readers.get(i).hasEventTime()) {
          min = Math.min(min, sourceWatermarks[i]);
        }
      }
      if (min > time) {
        time = min;
      }
    }
    circuit.advanceWatermark(s, wm);
  }

  /** The last checkpoint (id and time) or "none", for SHOW QUERIES / EXPLAIN STATE. Any thread. */
  public String lastCheckpoint() {
    if (checkpoints == null || checkpoints.lastId() < 0) {
      return "none";
    }
    return checkpoints.lastId() + " at " + java.time.Instant.ofEpochMilli(checkpoints.lastTime());
  }

  /** How the query started: from a checkpoint, or recomputed from its sources' logs (and why). */
  public String startedFrom() {
    return checkpoints == null ? "recomputed (" + uncheckpointed + ")" : checkpoints.origin();
  }

  /** Records why this query runs without checkpoints; returns this. */
  StandingQuery uncheckpointed(String reason) {
    this.uncheckpointed = reason;
    return this;
  }

  /** Both, in one line. */
  public String checkpointStatus() {
    return "last " + lastCheckpoint() + "; started from " + startedFrom();
  }

  /** Null when not checkpointed. */
  QueryCheckpoints checkpoints() {
    return checkpoints;
  }

  List<SourceReader> readers() {
    return readers;
  }

  /** The query's own state for a checkpoint: counters, source watermarks and every reader's. */
  void snapshotOwn(io.eddy.exec.state.StateOutput out) {
    out.writeLong(rowsIn).writeLong(time).writeInt(sourceWatermarks.length);
    for (int s = 0; s < sourceWatermarks.length; s++) {
      out.writeLong(sourceWatermarks[s]);
      readers.get(s).snapshot(out);
    }
  }

  void restoreOwn(io.eddy.exec.state.StateInput in) {
    rowsIn = in.readLong();
    time = in.readLong();
    if (in.readInt() != sourceWatermarks.length) {
      throw new IllegalStateException("checkpoint has another number of sources");
    }
    for (int s = 0; s < sourceWatermarks.length; s++) {
      sourceWatermarks[s] = in.readLong();
      readers.get(s).restore(in);
    }
    publishedWatermarks = sourceWatermarks.clone();
  }

  /** Marks the query failed before it starts (its checkpoint or log cannot give a correct result). */
  void failBeforeStart(Throwable t) {
    failure = t;
  }

  /**
   * The watermark of each source that has event time, as {@code "name watermark"} pairs joined by
   * {@code ", "} (a source read twice appears twice), or {@code "none"}. Any thread.
   */
  public String sourceWatermarks() {
    long[] wms = publishedWatermarks;
    List<Circuit.Source> sources = circuit.sources();
    java.util.StringJoiner out = new java.util.StringJoiner(", ");
    for (int i = 0; i < wms.length; i++) {
      if (readers.get(i).hasEventTime()) {
        out.add(sources.get(i).name() + " " + Watermarks.format(wms[i]));
      }
    }
    return out.length() == 0 ? "none" : out.toString();
  }

  public StateSize stateSize() {
    return circuit.stateSize();
  }

  public Throwable failure() {
    return failure;
  }

  private void run() {
    try {
      while (!closed) {
        long seen = signal.generation();
        boolean any = pollOnce();
        if (checkpoints != null) {
          checkpoints.afterPoll(this);
        }
        if (!any && !settled) {
          // idle: free what closed windows released, a slice per turn, new input first
          boolean waiting = circuit.freeReleased(IDLE_FREE);
          synchronized (progress) {
            settled = !waiting;
            progress.notifyAll();
          }
        } else if (!any) {
          signal.await(seen, 200);
        }
      }
      if (checkpoints != null) {
        checkpoints.onClose(this);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure = t;
      synchronized (progress) {
        progress.notifyAll();
      }
    } finally {
      circuit.close();
    }
  }

  private boolean pollOnce() {
    boolean any = false;
    List<int[]> polled = new java.util.ArrayList<>(2);
    for (int s = 0; s < readers.size(); s++) {
      SourceReader r = readers.get(s);
      for (int p = 0; p < r.partitions(); p++) {
        List<SourceReader.Chunk> chunks = r.poll(p);
        if (chunks != null) {
          any = true;
          for (SourceReader.Chunk c : chunks) {
            if (c.watermark() != Long.MIN_VALUE) {
              advanceWatermark(s, c.watermark());
            }
            rowsIn += c.batch().size();
            if (!eventTime) {
              time += c.batch().size();
            }
            circuit.push(s, c.batch());
          }
          advanceWatermark(s, r.watermark(System.currentTimeMillis()));
          polled.add(new int[] {s, p});
        }
      }
      // Idle partitions stop holding time back even when nothing arrives.
      advanceWatermark(s, r.watermark(System.currentTimeMillis()));
    }
    // Parallel workers run here; their effect reaches the sink before the positions are published.
    circuit.flush();
    if (any) {
      if (late != null) {
        // Before the positions are published: a read waiting for them then sees the late rows too.
        late.flush();
      }
      boolean released = !circuit.freeReleased(0);
      synchronized (progress) {
        settled = released;
        for (int[] sp : polled) {
          readers.get(sp[0]).advance(sp[1]);
        }
        progress.notifyAll();
      }
    }
    return any;
  }

  /** Blocks until every source partition has been processed up to its end offset as of now. */
  public void awaitCaughtUp() {
    awaitProcessed(mark());
  }

  /**
   * As {@link #awaitCaughtUp}, and then until the operators have freed all the state the
   * watermark released (they free it a slice at a time, the rest while the input is idle), for
   * at most {@code SETTLE_MILLIS} (under a steady feed new windows keep closing): what EXPLAIN
   * STATE waits for.
   */
  public void awaitSettled() {
    awaitCaughtUp();
    long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
    awaitProgress(() -> settled || System.nanoTime() >= deadline);
  }

  /** Every source partition's end offset now, by source and partition (for {@link #awaitProcessed}). */
  public long[][] mark() {
    long[][] targets = new long[readers.size()][];
    for (int s = 0; s < readers.size(); s++) {
      SourceReader r = readers.get(s);
      targets[s] = new long[r.partitions()];
      for (int p = 0; p < r.partitions(); p++) {
        targets[s][p] = r.readableEnd(p);
      }
    }
    return targets;
  }

  /** Blocks until every source partition has been processed up to its offset in {@code targets} ({@link #mark}). */
  public void awaitProcessed(long[][] targets) {
    awaitProgress(() -> caughtUp(targets));
    checkHealthy();
  }

  /** Blocks, re-checking after each poll's progress, until {@code done}; throws if the query fails or stops. */
  private void awaitProgress(java.util.function.BooleanSupplier done) {
    synchronized (progress) {
      while (!done.getAsBoolean()) {
        checkHealthy();
        if (closed) {
          throw new EddyException(ErrorCode.CANCELLED, "query " + name + " was stopped");
        }
        try {
          progress.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new EddyException(ErrorCode.CANCELLED, "interrupted while waiting for " + name);
        }
      }
    }
  }

  private boolean caughtUp(long[][] targets) {
    for (int s = 0; s < targets.length; s++) {
      for (int p = 0; p < targets[s].length; p++) {
        if (readers.get(s).position(p) < targets[s][p]) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Throws the query's failure, if any: one of Eddy's errors keeps its code and hint (a source's
   * retention that deleted records the query had not read is {@code NOT_FOUND}, not a bug);
   * anything else is an internal error.
   */
  private void checkHealthy() {
    Throwable f = failure;
    if (f instanceof EddyException e) {
      throw new EddyException(e.code(), "standing query " + name + " failed: " + e.reason(), null, null, e.hint(), e);
    }
    if (f != null) {
      throw EddyException.internal("standing query " + name + " failed: " + f, f);
    }
  }

  @Override
  public void close() {
    closed = true;
    signal.signal();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
