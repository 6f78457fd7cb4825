package io.eddy.log;

/**
 * Per-topic settings given when a topic is created and kept with it. {@code retention} null
 * means the store's default. Immutable.
 */
public record TopicConfig(Retention retention) {
  public static final TopicConfig DEFAULTS = new TopicConfig(null);
}
