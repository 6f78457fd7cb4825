package io.eddy.sql.internal;

import io.eddy.sql.Suggestions;
import io.eddy.grammar.EddyParser.IdentifierContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Reads the {@code INTERVAL 'n' unit} of a watermark declaration as milliseconds. Units:
 * MILLISECOND, SECOND, MINUTE, HOUR, DAY, each also in the plural. {@code n} may have a fraction
 * as long as the result is a whole, non-negative number of milliseconds. Stateless apart from the
 * source.
 */
public final class IntervalReader {
  private static final Map<String, Long> UNIT_MILLIS = Map.of(
      "MILLISECOND", 1L, "SECOND", 1_000L, "MINUTE", 60_000L, "HOUR", 3_600_000L, "DAY", 86_400_000L);

  private final SourceText source;

  public IntervalReader(SourceText source) {
    this.source = source;
  }

  /** The interval {@code 'amount' unit} in milliseconds. */
  public long millis(Token amount, IdentifierContext unit) {
    BigDecimal perUnit = BigDecimal.valueOf(unitMillis(unit));
    BigDecimal n;
    try {
      n = new BigDecimal(Literals.string(amount.getText()).trim());
    } catch (NumberFormatException e) {
      throw source.error(amount, "interval " + amount.getText() + " is not a number",
          "write a number of units, as in INTERVAL '5' SECOND");
    }
    BigDecimal millis = n.multiply(perUnit);
    if (millis.signum() < 0 || millis.stripTrailingZeros().scale() > 0) {
      throw source.error(amount, "interval " + amount.getText() + " " + unit.getText()
          + " is not a whole, non-negative number of milliseconds", null);
    }
    try {
      return millis.longValueExact();
    } catch (ArithmeticException e) {
      throw source.error(amount, "interval " + amount.getText() + " is too large", null);
    }
  }

  private long unitMillis(IdentifierContext unit) {
    String name = source.identifier(unit).name().toUpperCase(Locale.ROOT);
    String singular = name.endsWith("S") ? name.substring(0, name.length() - 1) : name;
    Long millis = UNIT_MILLIS.get(singular);
    if (millis == null) {
      List<String> units = List.of("MILLISECOND", "SECOND", "MINUTE", "HOUR", "DAY");
      throw source.error(unit, "unknown interval unit '" + unit.getText() + "'",
          Suggestions.closest(singular, units).map(u -> "did you mean " + u + "?")
              .orElse("use MILLISECOND, SECOND, MINUTE, HOUR or DAY"));
    }
    return millis;
  }
}
