package io.eddy.engine.script;

import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Deterministic text for a value of a column: {@code null}, TIMESTAMP as
 * {@code 2024-01-01 00:00:00.000}, DATE as {@code 2024-01-01}, DOUBLE by {@link Double#toString},
 * DECIMAL as a plain string. A VARCHAR is written as is unless that would be ambiguous (empty,
 * {@code null}, contains {@code |} or a quote, or has outer spaces); then it is single-quoted with
 * quotes doubled. A value whose Java class breaks the {@link TypeKind} contract is written as
 * {@code !Class(value)} so that it never matches an expectation.
 */
final class ValueFormat {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private ValueFormat() {}

  static String format(Object value, SqlType type) {
    if (value == null) {
      return "null";
    }
    TypeKind kind = type.kind();
    Class<?> expected = javaClass(kind);
    if (!expected.isInstance(value)) {
      return "!" + value.getClass().getSimpleName() + "(" + value + ")";
    }
    return switch (kind) {
      case TIMESTAMP -> LocalDateTime.ofEpochSecond(Math.floorDiv((Long) value, 1000L),
          (int) Math.floorMod((Long) value, 1000L) * 1_000_000, ZoneOffset.UTC).format(TIMESTAMP);
      case DATE -> LocalDate.ofEpochDay((Integer) value).toString();
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      case VARCHAR -> string((String) value);
      default -> value.toString();
    };
  }

  static Class<?> javaClass(TypeKind kind) {
    return switch (kind) {
      case BOOLEAN -> Boolean.class;
      case INT, DATE -> Integer.class;
      case BIGINT, TIMESTAMP -> Long.class;
      case DOUBLE -> Double.class;
      case DECIMAL -> BigDecimal.class;
      case VARCHAR -> String.class;
    };
  }

  static String string(String s) {
    boolean plain = !s.isEmpty() && !s.equals("null") && s.indexOf('|') < 0 && s.indexOf('\'') < 0
        && s.equals(s.strip()) && s.indexOf('\n') < 0;
    return plain ? s : "'" + s.replace("'", "''").replace("\n", "\\n") + "'";
  }
}
