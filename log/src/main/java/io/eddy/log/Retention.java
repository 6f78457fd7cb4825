package io.eddy.log;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a partition keeps its records: by age ({@code millis}, measured from a record's
 * timestamp) and by size ({@code bytes} of retained segments); -1 means no limit. Whole sealed
 * segments are deleted from the front once every record in one is older than the age limit, or
 * while the partition would still be larger than the size limit without it; the segment being
 * appended to is never deleted. Immutable.
 */
public record Retention(long millis, long bytes) {
  public static final Retention UNLIMITED = new Retention(-1, -1);
  private static final Pattern PART = Pattern.compile("\\s*(\\d+)\\s*([a-z]+)\\s*");

  public Retention {
    if (millis < -1 || millis == 0 || bytes < -1 || bytes == 0) {
      throw new EddyException(ErrorCode.CONFIG, "retention limits must be positive or -1 (unlimited), not "
          + millis + " ms / " + bytes + " bytes");
    }
  }

  public boolean limited() {
    return millis > 0 || bytes > 0;
  }

  /**
   * Parses the {@code retention} option: {@code 'forever'}, a duration such as {@code '7 days'},
   * a size such as {@code '10 GB'}, or both separated by a comma ({@code '7 days, 10 GB'}). Units:
   * ms, s/second(s), min/minute(s), h/hour(s), d/day(s), w/week(s); bytes, KB, MB, GB, TB (powers
   * of 1024), any case.
   */
  public static Retention parse(String text) {
    if (text.trim().equalsIgnoreCase("forever")) {
      return UNLIMITED;
    }
    long millis = -1;
    long bytes = -1;
    for (String part : text.split(",")) {
      Matcher m = PART.matcher(part.toLowerCase(Locale.ROOT));
      long unit;
      if (!m.matches() || (unit = unit(m.group(2))) == 0) {
        throw new EddyException(ErrorCode.CONFIG, "cannot read retention '" + text
            + "': expected 'forever', a duration like '7 days', a size like '10 GB', or both separated by a comma");
      }
      long value = Math.multiplyExact(Long.parseLong(m.group(1)), Math.abs(unit));
      if (unit > 0) {
        millis = value;
      } else {
        bytes = value;
      }
    }
    return new Retention(millis, bytes);
  }

  /** Milliseconds per time unit (positive), minus bytes per size unit (negative), 0 if unknown. */
  private static long unit(String u) {
    return switch (u) {
      case "ms", "millisecond", "milliseconds" -> 1;
      case "s", "sec", "second", "seconds" -> 1000;
      case "min", "minute", "minutes" -> 60_000;
      case "h", "hour", "hours" -> 3_600_000;
      case "d", "day", "days" -> 86_400_000;
      case "w", "week", "weeks" -> 7 * 86_400_000L;
      case "b", "byte", "bytes" -> -1;
      case "kb" -> -(1L << 10);
      case "mb" -> -(1L << 20);
      case "gb" -> -(1L << 30);
      case "tb" -> -(1L << 40);
      default -> 0;
    };
  }
}
