package io.eddy.log.format;

/**
 * Receives the fields of a decoded row one by one, without boxing primitives. Field {@code i}
 * is delivered by exactly one call, in column order.
 */
public interface FieldSink {
  void nullField(int i);

  void booleanField(int i, boolean v);

  /** INT and DATE (days since epoch). */
  void intField(int i, int v);

  /** BIGINT and TIMESTAMP (milliseconds since epoch). */
  void longField(int i, long v);

  void doubleField(int i, double v);

  /** VARCHAR ({@code String}) and DECIMAL ({@code BigDecimal}). */
  void objectField(int i, Object v);
}
