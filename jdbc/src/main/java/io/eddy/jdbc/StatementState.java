package io.eddy.jdbc;

import io.eddy.engine.PreparedQuery;
import io.eddy.engine.Session;
import io.eddy.engine.Subscription;
import java.util.function.BooleanSupplier;

/**
 * What the driver remembers about one JDBC statement: its prepared query (for prepared
 * statements), the status message of its last execution, and its open subscription if the last
 * execution was a SUBSCRIBE. Thread-safe: the statement's thread executes and reads, while
 * {@link #cancel} and {@link #close} may come from any thread.
 */
final class StatementState {
  private final Session session;
  private volatile PreparedQuery prepared;
  private volatile Subscription subscription;
  private volatile SubscriptionFrames frames;
  private volatile String status;
  private volatile boolean executing;

  StatementState(Session session) {
    this.session = session;
  }

  PreparedQuery prepared() {
    return prepared;
  }

  void prepared(PreparedQuery query) {
    this.prepared = query;
  }

  /** Marks the start of an execution: ends the previous subscription, forgets the status. */
  void beginExecution() {
    closeSubscription();
    status = null;
    executing = true;
  }

  void endExecution() {
    executing = false;
  }

  /** Whether an execution is running now. Any thread. */
  boolean executing() {
    return executing;
  }

  /** The status message of the last execution, or null if it returned rows. */
  String status() {
    return status;
  }

  void status(String message) {
    this.status = message;
  }

  /** Makes {@code s} the statement's open subscription, read through {@link #frames()}. */
  void subscribed(Subscription s, BooleanSupplier cancelled) {
    this.subscription = s;
    this.frames = new SubscriptionFrames(s, cancelled);
  }

  /** The open subscription's frames, or null if the statement has none. */
  SubscriptionFrames frames() {
    return frames;
  }

  /** Ends what the statement is doing: its subscription, or else its running execution. */
  void cancel() {
    if (subscription != null) {
      closeSubscription();
    } else if (executing) {
      session.cancel();
    }
  }

  void closeSubscription() {
    Subscription s = subscription;
    if (s != null) {
      s.close();
    }
  }

  void close() {
    closeSubscription();
    prepared = null;
  }
}
