package io.eddy.shell;

import io.eddy.bench.nexmark.Event;
import io.eddy.bench.nexmark.NexmarkConfig;
import io.eddy.bench.nexmark.NexmarkGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The demo's data source: a background thread that appends Nexmark events (bench's
 * {@link NexmarkGenerator}) to the streams {@code person}, {@code auction} and {@code bid} at a
 * steady rate, through prepared INSERTs on its own JDBC connection. Event time follows the wall
 * clock (the generator's base time is the start, its density the rate), so windows close as
 * time passes. Every {@link #TICK_MILLIS} it appends the events due by then, one JDBC batch per
 * stream. A failure (e.g. the engine closing) stops the feed and is kept for {@link #failure()}.
 * {@link #close()} stops it and closes the connection. Thread-safe.
 */
final class DemoFeed implements AutoCloseable {
  static final long TICK_MILLIS = 100;

  private final Connection connection;
  private final Map<Event.Kind, PreparedStatement> inserts = new EnumMap<>(Event.Kind.class);
  private final NexmarkGenerator generator;
  private final long rate;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile long appended;
  private volatile Exception failure;

  private DemoFeed(Connection connection, long rate) throws SQLException {
    this.connection = connection;
    this.rate = rate;
    inserts.put(Event.Kind.PERSON, connection.prepareStatement("INSERT INTO person VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    inserts.put(Event.Kind.AUCTION,
        connection.prepareStatement("INSERT INTO auction VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    inserts.put(Event.Kind.BID, connection.prepareStatement("INSERT INTO bid VALUES (?, ?, ?, ?, ?, ?, ?)"));
    this.generator = new NexmarkGenerator(
        new NexmarkConfig(NexmarkConfig.DEFAULT_SEED, rate, System.currentTimeMillis()));
    this.thread = new Thread(this::run, "eddy-demo-feed");
    this.thread.setDaemon(true);
  }

  /** Starts feeding {@code rate} events per second over {@code connection} (which it then owns). */
  static DemoFeed start(Connection connection, long rate) throws SQLException {
    if (rate <= 0) {
      throw new IllegalArgumentException("--rate needs a positive number of events per second");
    }
    DemoFeed feed = new DemoFeed(connection, rate);
    feed.thread.start();
    return feed;
  }

  /** Events appended so far. */
  long appended() {
    return appended;
  }

  /** Why the feed stopped by itself, or null. */
  Exception failure() {
    return failure;
  }

  private void run() {
    long start = System.nanoTime();
    try {
      while (!stopped) {
        long due = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) * rate / 1000;
        Set<Event.Kind> pending = EnumSet.noneOf(Event.Kind.class);
        while (generator.position() < due) {
          Event e = generator.next();
          PreparedStatement insert = inserts.get(e.kind());
          Object[] row = e.row();
          for (int i = 0; i < row.length; i++) {
            insert.setObject(i + 1, row[i]);
          }
          insert.addBatch();
          pending.add(e.kind());
        }
        for (Event.Kind kind : pending) {
          inserts.get(kind).executeBatch();
        }
        appended = generator.position();
        Thread.sleep(TICK_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException | RuntimeException e) {
      if (!stopped) {
        failure = e;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    stopped = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
