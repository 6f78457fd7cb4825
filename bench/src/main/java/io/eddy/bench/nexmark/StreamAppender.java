package io.eddy.bench.nexmark;

import io.eddy.engine.Engine;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Routes events into the streams person, auction and bid through {@link Engine#append}, one log
 * append per stream per {@link #flush()} (or whenever {@code batchSize} events are pending). Not
 * thread-safe.
 */
public final class StreamAppender {
  private final Engine engine;
  private final int batchSize;
  private final Map<Event.Kind, List<Object[]>> pending = new EnumMap<>(Event.Kind.class);
  private int size;
  private long appended;

  public StreamAppender(Engine engine, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive");
    }
    this.engine = engine;
    this.batchSize = batchSize;
    for (Event.Kind k : Event.Kind.values()) {
      pending.put(k, new ArrayList<>());
    }
  }

  public void add(Event e) {
    pending.get(e.kind()).add(e.row());
    if (++size >= batchSize) {
      flush();
    }
  }

  /** Appends every pending event; returns once they are in the log. */
  public void flush() {
    for (Map.Entry<Event.Kind, List<Object[]>> p : pending.entrySet()) {
      if (!p.getValue().isEmpty()) {
        engine.append(p.getKey().stream, p.getValue());
        appended += p.getValue().size();
        p.setValue(new ArrayList<>());
      }
    }
    size = 0;
  }

  /** Events appended so far (not counting pending ones). */
  public long appended() {
    return appended;
  }
}
