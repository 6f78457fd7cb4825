package io.eddy.engine;

import java.util.List;

/**
 * A client's conversation with an {@link Engine}. Not thread-safe except {@link #cancel()}.
 * Every error a user can cause is an {@link io.eddy.common.error.EddyException} carrying the
 * statement position.
 */
public interface Session extends AutoCloseable {

  /** Executes exactly one statement (a trailing semicolon is allowed). */
  Result execute(String statement);

  /** Executes every statement of a script in order, stopping at (and throwing) the first error. */
  List<Result> executeScript(String script);

  /** Parses and plans one statement with {@code ?} parameters. */
  PreparedQuery prepare(String statement);

  /** Streams, tables and views, by name. */
  List<CatalogEntry> catalog();

  /** Cancels the statement running in this session, if any (ends a SUBSCRIBE). */
  void cancel();

  /**
   * The progress of the statement running in this session, if it reports any (COPY does); null
   * otherwise. Like {@link #cancel()}, callable from any thread while the statement runs.
   */
  default Progress progress() {
    return null;
  }

  @Override
  void close();
}
