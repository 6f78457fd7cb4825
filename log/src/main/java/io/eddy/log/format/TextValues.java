package io.eddy.log.format;

import io.eddy.common.type.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Converts values read from external text formats (JSON, CSV) into the representation of an Eddy
 * type (see {@link io.eddy.common.type.TypeKind}). Timestamps are accepted as
 * {@code 2024-01-01 10:00:00[.fff]}, ISO-8601 ({@code 2024-01-01T10:00:00[.fff][Z]}) or epoch
 * milliseconds; dates as {@code 2024-01-01} or epoch days. Stateless.
 */
public final class TextValues {
  private TextValues() {}

  /** The value of {@code text} as {@code type}; null stays null. Throws MalformedDataException. */
  public static Object parse(String text, SqlType type) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    try {
      return switch (type.kind()) {
        case BOOLEAN -> switch (t.toLowerCase(java.util.Locale.ROOT)) {
          case "true", "t", "1" -> Boolean.TRUE;
          case "false", "f", "0" -> Boolean.FALSE;
          default -> throw new MalformedDataException("'" + text + "' is not a BOOLEAN");
        };
        case INT -> Integer.parseInt(t);
        case BIGINT -> Long.parseLong(t);
        case DOUBLE -> Double.parseDouble(t);
        case DECIMAL -> new BigDecimal(t).setScale(type.scale(), RoundingMode.HALF_UP);
        case VARCHAR -> text;
        case TIMESTAMP -> timestamp(t);
        case DATE -> t.matches("-?\\d+") ? Integer.parseInt(t) : (int) LocalDate.parse(t).toEpochDay();
      };
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new MalformedDataException("'" + text + "' is not a " + type.withNullable(true));
    }
  }

  private static long timestamp(String t) {
    if (t.matches("-?\\d+")) {
      return Long.parseLong(t);
    }
    if (t.endsWith("Z")) {
      return Instant.parse(t).toEpochMilli();
    }
    return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
