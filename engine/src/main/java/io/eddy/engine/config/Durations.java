package io.eddy.engine.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as config files write them: {@code 500ms}, {@code 1s}, {@code 5m}, {@code 1h}, or ISO-8601. */
public final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private Durations() {}

  public static Duration parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(t);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      if (t.startsWith("p")) {
        return Duration.parse(text.strip());
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + text + "' is not a duration (write e.g. 500ms, 1s, 5m, 1h)");
  }
}
