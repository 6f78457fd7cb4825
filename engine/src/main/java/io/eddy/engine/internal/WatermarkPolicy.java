package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a standing query derives event time from its sources, from the settings
 * {@code watermark.idle_timeout} (a partition without new rows for this long stops holding the
 * watermark back; default 5 s) and {@code watermark.max_future_skew} (an event time further than
 * this ahead of the wall clock advances the watermark only up to wall clock + skew, and is
 * counted; default 1 day). Durations are written {@code 200ms}, {@code 5s}, {@code 10 min},
 * {@code 1h}, {@code 1 day}. Immutable.
 */
record WatermarkPolicy(long idleTimeoutMillis, long maxFutureSkewMillis) {
  static final String IDLE_TIMEOUT = "watermark.idle_timeout";
  static final String MAX_FUTURE_SKEW = "watermark.max_future_skew";
  static final WatermarkPolicy DEFAULT = new WatermarkPolicy(5_000, 86_400_000);

  private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*([a-z]*)\\s*");

  /** The policy of {@code settings} (later maps override earlier ones), defaults for what is unset. */
  @SafeVarargs
  static WatermarkPolicy of(Map<String, String>... settings) {
    long idle = DEFAULT.idleTimeoutMillis;
    long skew = DEFAULT.maxFutureSkewMillis;
    for (Map<String, String> s : settings) {
      if (s.containsKey(IDLE_TIMEOUT)) {
        idle = millis(IDLE_TIMEOUT, s.get(IDLE_TIMEOUT));
      }
      if (s.containsKey(MAX_FUTURE_SKEW)) {
        skew = millis(MAX_FUTURE_SKEW, s.get(MAX_FUTURE_SKEW));
      }
    }
    return new WatermarkPolicy(idle, skew);
  }

  /** Parses a duration setting; a CONFIG error naming the key when it is not one. */
  static long millis(String key, String value) {
    Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Long unit = switch (m.group(2)) {
        case "ms", "millis", "millisecond", "milliseconds" -> 1L;
        case "", "s", "sec", "second", "seconds" -> 1_000L;
        case "m", "min", "minute", "minutes" -> 60_000L;
        case "h", "hour", "hours" -> 3_600_000L;
        case "d", "day", "days" -> 86_400_000L;
        default -> null;
      };
      if (unit != null) {
        return Math.multiplyExact(n, unit);
      }
    }
    throw new EddyException(ErrorCode.CONFIG, "'" + value + "' is not a duration for " + key,
        null, null, "write e.g. 200ms, 5s, 10 min, 1h or 1 day", null);
  }
}
