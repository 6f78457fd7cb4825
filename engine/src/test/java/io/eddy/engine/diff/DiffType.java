package io.eddy.engine.diff;

import java.math.BigDecimal;
import java.util.Random;

/**
 * The column types of generated schemas, their spelling in Eddy and DuckDB, how random values are
 * drawn (small domains so that duplicates and groups happen; negatives included) and how a value is
 * written as a literal both engines read the same way.
 */
enum DiffType {
  BIGINT("BIGINT", "BIGINT"),
  INT("INT", "INTEGER"),
  DOUBLE("DOUBLE", "DOUBLE"),
  DECIMAL("DECIMAL(8, 2)", "DECIMAL(8, 2)"),
  VARCHAR("VARCHAR", "VARCHAR"),
  BOOLEAN("BOOLEAN", "BOOLEAN");

  private static final String[] STRINGS = {"a", "b", "ab", "B", "", "zz", "a b", "b%"};

  final String eddy;
  final String duck;

  DiffType(String eddy, String duck) {
    this.eddy = eddy;
    this.duck = duck;
  }

  boolean numeric() {
    return this == BIGINT || this == INT || this == DOUBLE || this == DECIMAL;
  }

  /** Types MIN and MAX are generated over. */
  boolean ordered() {
    return this != BOOLEAN;
  }

  /** A random non-null value; doubles are multiples of 0.25 so that sums are exact. */
  Object value(Random r) {
    boolean wide = r.nextInt(5) == 0;
    int small = wide ? r.nextInt(2001) - 1000 : r.nextInt(11) - 5;
    return switch (this) {
      case BIGINT -> wide ? (long) small * 1000 : (long) small;
      case INT -> small;
      case DOUBLE -> small / 4.0;
      case DECIMAL -> BigDecimal.valueOf(small * 25L + r.nextInt(3), 2);
      case VARCHAR -> STRINGS[r.nextInt(STRINGS.length)];
      case BOOLEAN -> r.nextBoolean();
    };
  }

  /** The value as a SQL literal; {@code null} as NULL. */
  String literal(Object v) {
    if (v == null) {
      return "NULL";
    }
    return switch (this) {
      case DOUBLE -> v + "E0";
      case DECIMAL -> ((BigDecimal) v).toPlainString();
      case VARCHAR -> "'" + ((String) v).replace("'", "''") + "'";
      case BOOLEAN -> ((Boolean) v) ? "TRUE" : "FALSE";
      default -> v.toString();
    };
  }
}
