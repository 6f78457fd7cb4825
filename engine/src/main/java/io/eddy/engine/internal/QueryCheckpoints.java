package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.internal.checkpoint.Checkpoint;
import io.eddy.engine.internal.checkpoint.CheckpointFiles;
import io.eddy.exec.circuit.Circuit;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.LateRowSink;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import io.eddy.log.PartitionLog;
import java.util.Arrays;
import java.util.List;

/**
 * The checkpoints of one standing query (a view, a table's store, or a derived stream): restores
 * the newest usable one when the query opens, takes one on the query's own thread between polls
 * (every {@code interval}, on request, and when the query closes), and, for a derived stream,
 * publishes the log positions each checkpoint committed ({@link ReadLimit}) so that readers never
 * see records a crash could make the query write differently.
 *
 * <p>A checkpoint is usable when its fingerprint (DDL and plan) matches, its files verify, every
 * source position lies within what the source can be read up to now, and a derived stream's log
 * still holds everything up to the recorded sink positions. A position below a source's retained
 * start means records the query needs were deleted by retention: the query fails with that error
 * instead of skipping them. A query whose circuit cannot be checkpointed recomputes from its
 * sources' logs as before. A query writing late rows into a stream ({@code LATE INTO}) commits
 * them with its checkpoints ({@link LateStreamSink#hold}). Status fields are readable from any
 * thread.
 */
final class QueryCheckpoints {
  private static final System.Logger LOG = System.getLogger(QueryCheckpoints.class.getName());

  private final String name;
  private final CheckpointFiles files;
  private final java.nio.file.Path dir;
  private final long intervalMillis;
  private final CheckpointSink sink;
  /** For a derived stream: what readers may see; null for a view. */
  private final ReadLimit limit;
  private final LogSignal signal;
  /** Test hook: also pauses between a checkpoint's manifest and the commit of its pending output. */
  private final long pauseBeforeCommitMillis;
  /** Where the query's late rows go (LATE INTO), or null. */
  private final LateStreamSink late;
  private volatile boolean disabled;
  private long nextId;
  private long lastTaken;
  private long[][] lastSources;
  private long[] lastSink;
  private long lastWatermark = Long.MIN_VALUE;
  private long requested;
  private long done;
  private volatile String origin = "recomputed";
  private volatile long lastId = -1;
  private volatile long lastTime;

  QueryCheckpoints(String name, java.nio.file.Path dir, String fingerprint, long intervalMillis,
      long pauseBeforeManifestMillis, CheckpointSink sink, ReadLimit limit, LogSignal signal, LateStreamSink late) {
    this.name = name;
    this.dir = dir;
    this.files = new CheckpointFiles(dir, fingerprint, pauseBeforeManifestMillis);
    this.intervalMillis = intervalMillis;
    this.sink = sink;
    this.limit = limit;
    this.signal = signal;
    this.pauseBeforeCommitMillis = pauseBeforeManifestMillis;
    this.late = late;
  }

  /** The circuit's side output for late rows. */
  private LateRowSink lateRows() {
    return late == null ? LateRowSink.NONE : late;
  }

  /** Opens the query's circuit, from the newest usable checkpoint if there is one. Before the thread starts. */
  void open(StandingQuery q, Emitter out) {
    Circuit circuit = q.circuit();
    if (!circuit.checkpointable()) {
      disabled = true;
      origin = "recomputed (not checkpointable: " + String.join(", ", circuit.unsupported()) + ")";
      circuit.open(out, lateRows());
      return;
    }
    if (sink instanceof LogSink ls) {
      ls.checkpointed();
    }
    if (late != null) {
      late.hold();
    }
    nextId = files.nextId();
    Checkpoint chosen = null;
    try {
      for (Checkpoint c : files.loadAll()) {
        if (usable(c, q)) {
          chosen = c;
          break;
        }
      }
      if (chosen == null) {
        recomputeFromStart(q);
      }
    } catch (EddyException e) {
      disabled = true;
      circuit.open(out, lateRows());
      q.failBeforeStart(e);
      return;
    }
    if (chosen == null) {
      circuit.open(out, lateRows());
      publish(sink.positions());
      return;
    }
    sink.truncateTo(chosen.sink());
    StateInput in = new StateInput(chosen.state());
    try {
      circuit.open(out, lateRows(), in);
      sink.restore(in);
      q.restoreOwn(in);
      if (late != null) {
        late.restore(in);
      }
      if (!in.atEnd()) {
        throw new IllegalStateException("state has bytes left over");
      }
    } catch (IllegalStateException e) {
      disabled = true;
      CheckpointFiles.deleteAll(dir);
      q.failBeforeStart(new EddyException(ErrorCode.INTERNAL, "query " + name + " could not restore checkpoint "
          + chosen.id() + " (" + e.getMessage() + "); it was deleted, restart to recompute from the log", e));
      return;
    }
    origin = "checkpoint " + chosen.id();
    lastId = chosen.id();
    lastTime = chosen.timeMillis();
    remember(chosen.sources(), chosen.sink(), circuit.watermark());
    publish(chosen.sink());
  }

  private boolean usable(Checkpoint c, StandingQuery q) {
    List<SourceReader> readers = q.readers();
    if (c.sources().length != readers.size()) {
      return false;
    }
    for (int s = 0; s < readers.size(); s++) {
      SourceReader r = readers.get(s);
      if (c.sources()[s].length != r.partitions()) {
        return false;
      }
      for (int p = 0; p < r.partitions(); p++) {
        long at = c.sources()[s][p];
        PartitionLog log = r.topic().partition(p);
        if (at > r.readableEnd(p)) {
          LOG.log(System.Logger.Level.WARNING, () -> name + ": checkpoint " + c.id() + " is ahead of " + r.topic().name()
              + " partition " + " (the log lost records); trying an older one");
          return false;
        }
        if (at < log.startOffset()) {
          throw new EddyException(ErrorCode.NOT_FOUND, "query " + name + " resumes " + r.topic().name() + " partition "
              + p + " at offset " + at + ", but retention deleted the records below " + log.startOffset()
              + "; its result would miss them").withHint("recreate the view to compute it from the retained records");
        }
      }
    }
    long[] now = sink.positions();
    if (c.sink().length != now.length) {
      return false;
    }
    for (int p = 0; p < now.length; p++) {
      if (c.sink()[p] > now[p]) {
        LOG.log(System.Logger.Level.WARNING, () -> name + ": its log lost records after checkpoint " + c.id()
            + "; trying an older one");
        return false;
      }
    }
    if (!sink.committed(c.pending())) {
      // A crash between the manifest and the commit: the transaction was aborted when the sink
      // opened, so this checkpoint can never be current. Deleted, so that pruning keeps the one before.
      LOG.log(System.Logger.Level.INFO, () -> name + ": the output of checkpoint " + c.id()
          + " was not committed; resuming from the one before");
      files.delete(c.id());
      return false;
    }
    return true;
  }

  /**
   * No usable checkpoint: the query starts from its sources' retained starts. A derived stream's
   * log is emptied first (nothing in it was committed, so no reader saw it); if a source no
   * longer holds its first records, the old contents cannot be recomputed and the query fails.
   */
  private void recomputeFromStart(StandingQuery q) {
    long[] now = sink.positions();
    if (Arrays.stream(now).allMatch(x -> x == 0)) {
      return;
    }
    for (SourceReader r : q.readers()) {
      for (int p = 0; p < r.partitions(); p++) {
        long start = r.topic().partition(p).startOffset();
        if (start > 0) {
          throw new EddyException(ErrorCode.NOT_FOUND, "derived stream " + name + " has no checkpoint and "
              + r.topic().name() + " partition " + p + " no longer holds its records below offset " + start
              + " (retention); recomputing it would lose them");
        }
      }
    }
    long[] starts = new long[now.length];
    if (sink instanceof LogSink ls) {
      for (int p = 0; p < starts.length; p++) {
        starts[p] = ls.topic().partition(p).startOffset();
      }
    }
    sink.truncateTo(starts);
  }

  /** On the query thread after each poll: checkpoints when the interval has passed or one was requested. */
  void afterPoll(StandingQuery q) {
    if (disabled) {
      sink.commit(); // without checkpoints, a transactional sink commits after each poll
      return;
    }
    long now = System.currentTimeMillis();
    long wanted;
    synchronized (this) {
      wanted = requested;
    }
    boolean due = intervalMillis > 0 && now - lastTaken >= intervalMillis;
    if (!due && wanted <= done) {
      return;
    }
    take(q, now);
    synchronized (this) {
      done = wanted;
      notifyAll();
    }
  }

  /** On the query thread when it stops cleanly: a last checkpoint. */
  void onClose(StandingQuery q) {
    if (!disabled) {
      take(q, System.currentTimeMillis());
    } else {
      sink.commit();
    }
    synchronized (this) {
      done = Long.MAX_VALUE;
      notifyAll();
    }
  }

  private void take(StandingQuery q, long now) {
    lastTaken = now;
    long[][] sources = new long[q.readers().size()][];
    for (int s = 0; s < sources.length; s++) {
      SourceReader r = q.readers().get(s);
      sources[s] = new long[r.partitions()];
      for (int p = 0; p < sources[s].length; p++) {
        sources[s][p] = r.position(p);
      }
    }
    long[] sinkPositions = sink.positions();
    long watermark = q.circuit().watermark();
    if (Arrays.deepEquals(sources, lastSources) && Arrays.equals(sinkPositions, lastSink) && watermark == lastWatermark
        && (late == null || !late.hasPending())) {
      return;
    }
    StateOutput out = new StateOutput();
    try {
      q.circuit().snapshot(out);
      sink.snapshot(out);
      q.snapshotOwn(out);
      if (late != null) {
        late.snapshot(out);
      }
    } catch (UnsupportedOperationException e) {
      LOG.log(System.Logger.Level.WARNING, () -> name + ": cannot be checkpointed (" + e.getMessage()
          + "); it will recompute from the log after a restart");
      disabled = true;
      origin = origin + "; checkpoints off: " + e.getMessage();
      CheckpointFiles.deleteAll(dir);
      sink.commit();
      publish(new long[sinkPositions.length], true);
      if (late != null) {
        late.release();
      }
      return;
    }
    long[] pending = sink.pending();
    try {
      files.write(new Checkpoint(nextId, now, sources, sinkPositions, pending, out.toByteArray()));
    } catch (EddyException e) {
      LOG.log(System.Logger.Level.WARNING, () -> name + ": checkpoint failed: " + e.getMessage());
      return; // a pending transaction stays open; the next checkpoint records and commits it
    }
    lastId = nextId++;
    lastTime = now;
    remember(sources, sinkPositions, watermark);
    if (pending.length > 0) {
      pauseBeforeCommit();
      // The manifest is durable: from here the checkpoint is current iff this commit happens. A
      // failure stops the query (it propagates); its restart decides by what the broker committed.
      sink.commit();
    }
    publish(sinkPositions);
    if (late != null) {
      late.committed();
    }
  }

  private void pauseBeforeCommit() {
    if (pauseBeforeCommitMillis > 0) {
      try {
        Thread.sleep(pauseBeforeCommitMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void remember(long[][] sources, long[] sinkPositions, long watermark) {
    lastSources = sources;
    lastSink = sinkPositions;
    lastWatermark = watermark;
  }

  private void publish(long[] sinkPositions) {
    publish(sinkPositions, false);
  }

  /** Makes the derived stream's records up to the positions visible ({@code all}: no limit any more). */
  private void publish(long[] sinkPositions, boolean all) {
    if (limit != null) {
      long[] p = sinkPositions.clone();
      if (all) {
        Arrays.fill(p, Long.MAX_VALUE);
      }
      limit.publish(p);
      signal.signal();
    }
  }

  /**
   * Blocks until the query has taken a checkpoint after this call (so a derived stream's records
   * written so far become visible). Returns at once when the query is not checkpointed.
   */
  void awaitCheckpoint(StandingQuery q) {
    long ticket;
    synchronized (this) {
      if (disabled) {
        return;
      }
      ticket = ++requested;
    }
    signal.signal();
    synchronized (this) {
      while (done < ticket && !disabled && q.failure() == null) {
        try {
          wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new EddyException(ErrorCode.CANCELLED, "interrupted while waiting for " + name);
        }
      }
    }
  }

  /** How the query started: {@code checkpoint N} or {@code recomputed (...)}. Any thread. */
  String origin() {
    return origin;
  }

  /** Id of the last checkpoint taken or restored; -1 if none. Any thread. */
  long lastId() {
    return lastId;
  }

  /** Wall time of {@link #lastId()}. Any thread. */
  long lastTime() {
    return lastTime;
  }
}
