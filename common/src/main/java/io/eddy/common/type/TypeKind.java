package io.eddy.common.type;

/**
 * The SQL types Eddy stores, with the Java value each one is represented by everywhere inside the
 * engine (rows, batches, codecs). The representations are Calcite's internal ones, so compiled
 * expressions need no conversion.
 */
public enum TypeKind {
  /** {@code java.lang.Boolean}; columnar: one byte per row. */
  BOOLEAN,
  /** {@code java.lang.Integer}. */
  INT,
  /** {@code java.lang.Long}. */
  BIGINT,
  /** {@code java.lang.Double}. */
  DOUBLE,
  /** {@code java.math.BigDecimal} with the column's scale. */
  DECIMAL,
  /** {@code java.lang.String}. */
  VARCHAR,
  /** {@code java.lang.Long}: milliseconds since 1970-01-01 00:00:00 (no time zone). */
  TIMESTAMP,
  /** {@code java.lang.Integer}: days since 1970-01-01. */
  DATE;

  /** True when the columnar representation is a primitive {@code long[]}. */
  public boolean isLongBacked() {
    return this == BIGINT || this == TIMESTAMP;
  }

  /** True when the columnar representation is a primitive {@code int[]}. */
  public boolean isIntBacked() {
    return this == INT || this == DATE;
  }
}
