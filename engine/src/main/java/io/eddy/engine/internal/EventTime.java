package io.eddy.engine.internal;

/**
 * The watermark of one source (a stream with a WATERMARK declaration): per partition, the largest
 * event time read so far minus the declared delay; the source's watermark is the minimum over
 * its partitions, leaving out idle ones (caught up and without new rows for the idle timeout;
 * when all are idle, the most advanced one counts). A row whose event time is further than the
 * maximum future skew ahead of both the wall clock and its partition's largest event time so far
 * is skewed: it stays in its windows but does not advance the watermark (and is counted), so one
 * far-future row cannot close every window, whether the data is live or historical. The
 * watermark never decreases.
 *
 * <p>For a {@code PROCTIME()} source ({@code wallClock}) time also passes when nothing arrives:
 * once every partition is idle, the watermark is at least the wall clock minus the idle timeout.
 * The writer stamps a row with the clock just before appending it, so a row is late only if its
 * append took longer than the idle timeout.
 *
 * <p>Owned by the query thread; {@link #skewedRows()} and {@link #watermark()} may be read from
 * any thread.
 */
final class EventTime {
  private final long delay;
  private final boolean wallClock;
  private final WatermarkPolicy policy;
  private final long[] maxTime;
  private final long[] lastActive;
  private final boolean[] caughtUp;
  private volatile long watermark = Long.MIN_VALUE;
  private volatile long skewed;

  EventTime(int partitions, long delayMillis, WatermarkPolicy policy, long now) {
    this(partitions, delayMillis, policy, now, false);
  }

  EventTime(int partitions, long delayMillis, WatermarkPolicy policy, long now, boolean wallClock) {
    this.delay = delayMillis;
    this.wallClock = wallClock;
    this.policy = policy;
    this.maxTime = new long[partitions];
    this.lastActive = new long[partitions];
    this.caughtUp = new boolean[partitions];
    java.util.Arrays.fill(maxTime, Long.MIN_VALUE);
    java.util.Arrays.fill(lastActive, now);
  }

  /**
   * Whether a row of partition {@code p} at event time {@code ts} may be late: it is behind its
   * partition's or the source's watermark. Rows that are not cannot be late for any window.
   */
  boolean behind(int p, long ts) {
    long own = maxTime[p] == Long.MIN_VALUE ? Long.MIN_VALUE : maxTime[p] - delay;
    return ts < Math.max(own, watermark);
  }

  /** Records a row of partition {@code p} at event time {@code ts}, read at wall time {@code now}. */
  void observe(int p, long ts, long now) {
    if (ts <= maxTime[p]) {
      return;
    }
    long reference = Math.max(now, maxTime[p]);
    if (ts - reference > policy.maxFutureSkewMillis()) {
      skewed++;
      return;
    }
    maxTime[p] = ts;
  }

  /** Partition {@code p} had rows ({@code true}) or was caught up ({@code false}) at {@code now}. */
  void polled(int p, boolean hadRows, long now) {
    caughtUp[p] = !hadRows;
    if (hadRows) {
      lastActive[p] = now;
    }
  }

  /** Recomputes the source's watermark at wall time {@code now}; returns it. */
  long advance(long now) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    boolean anyActive = false;
    for (int p = 0; p < maxTime.length; p++) {
      long wm = maxTime[p] == Long.MIN_VALUE ? Long.MIN_VALUE : maxTime[p] - delay;
      max = Math.max(max, wm);
      boolean idle = caughtUp[p] && now - lastActive[p] >= policy.idleTimeoutMillis();
      if (!idle) {
        anyActive = true;
        min = Math.min(min, wm);
      }
    }
    long next = anyActive ? min : wallClock ? Math.max(max, now - policy.idleTimeoutMillis()) : max;
    if (next > watermark) {
      watermark = next;
    }
    return watermark;
  }

  long watermark() {
    return watermark;
  }

  long skewedRows() {
    return skewed;
  }

  /**
   * Writes the event-time state a restart must keep: per partition the largest event time, the
   * watermark and the skew count. Idleness is wall-clock state and starts afresh.
   */
  void snapshot(io.eddy.exec.state.StateOutput out) {
    out.writeInt(maxTime.length).writeLong(watermark).writeLong(skewed);
    for (long t : maxTime) {
      out.writeLong(t);
    }
  }

  void restore(io.eddy.exec.state.StateInput in) {
    if (in.readInt() != maxTime.length) {
      throw new IllegalStateException("checkpoint has another number of partitions");
    }
    watermark = in.readLong();
    skewed = in.readLong();
    for (int p = 0; p < maxTime.length; p++) {
      maxTime[p] = in.readLong();
    }
  }
}
