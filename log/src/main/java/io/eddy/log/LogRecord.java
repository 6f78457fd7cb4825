package io.eddy.log;

/**
 * A record to append: a timestamp (milliseconds; event or ingestion time), an optional key and a
 * value. Arrays are not copied: do not modify them after handing them over.
 */
public record LogRecord(long timestamp, byte[] key, byte[] value) {
  public static LogRecord of(long timestamp, byte[] value) {
    return new LogRecord(timestamp, null, value);
  }
}
