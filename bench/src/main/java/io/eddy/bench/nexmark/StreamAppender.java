package io.eddy.bench.nexmark;

import io.eddy.engine.Engine;
import io.eddy.engine.RowAppender;

/**
 * Routes events into the streams person, auction and bid through one {@link RowAppender} per
 * stream (no boxing): each stream's pending rows are appended as one log batch per partition on
 * {@link #flush()}, or whenever {@code batchSize} of them are pending. Not thread-safe.
 */
public final class StreamAppender implements AutoCloseable {
  private final RowAppender[] byKind;
  private long added;

  public StreamAppender(Engine engine, int batchSize) {
    this(appenders(engine, batchSize));
  }

  /** Over the given appenders, one per {@link Event.Kind} in ordinal order (for benchmarks of the parts). */
  StreamAppender(RowAppender[] byKind) {
    if (byKind.length != Event.Kind.values().length) {
      throw new IllegalArgumentException(byKind.length + " appenders for " + Event.Kind.values().length + " streams");
    }
    this.byKind = byKind.clone();
  }

  private static RowAppender[] appenders(Engine engine, int batchSize) {
    RowAppender[] out = new RowAppender[Event.Kind.values().length];
    for (Event.Kind k : Event.Kind.values()) {
      out[k.ordinal()] = engine.appender(k.stream, batchSize);
    }
    return out;
  }

  public void add(Event e) {
    e.writeTo(row(e.kind()));
    endRow(e.kind());
  }

  /** The appender of {@code kind}'s stream, to set a row on before {@link #endRow}. */
  public RowAppender row(Event.Kind kind) {
    return byKind[kind.ordinal()];
  }

  /** Ends the row set on {@link #row}{@code (kind)}. */
  public void endRow(Event.Kind kind) {
    byKind[kind.ordinal()].endRow();
    added++;
  }

  /** Appends every pending event; returns once they are in the log. */
  public void flush() {
    for (RowAppender a : byKind) {
      a.flush();
    }
  }

  /** Events appended so far (not counting pending ones). */
  public long appended() {
    long pending = 0;
    for (RowAppender a : byKind) {
      pending += a.pending();
    }
    return added - pending;
  }

  /** Flushes. */
  @Override
  public void close() {
    flush();
  }
}
