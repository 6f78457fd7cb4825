package io.eddy.planner.functions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The runtime of Flink's string and time functions that the Nexmark queries use, called by
 * generated code (see {@link FlinkOperators} for their SQL signatures). Arguments are never null
 * (the functions are strict: a NULL argument gives NULL before these are called); TIMESTAMPs are
 * epoch milliseconds without a time zone, as everywhere in Eddy.
 *
 * <p>Thread-safe. Compiled patterns are memoised: a memo is a pure function of its key, holds no
 * engine state and is bounded (cleared when it grows past {@value #MEMO_LIMIT} entries), so it is
 * the one deliberate static cache here, as in Calcite's own runtime.
 */
public final class FlinkFunctions {
  private static final int MEMO_LIMIT = 256;
  private static final Map<String, DateTimeFormatter> FORMATS = new ConcurrentHashMap<>();
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
  /** Marks a regular expression that does not compile (a memo value cannot be null). */
  private static final Pattern INVALID = Pattern.compile("(?!)");

  private FlinkFunctions() {}

  /**
   * {@code DATE_FORMAT(ts, format)}: the timestamp formatted with a {@code SimpleDateFormat}-style
   * pattern (Flink's semantics: {@code yyyy-MM-dd HH:mm:ss.SSS} letters, quoted literals).
   * An invalid pattern gives NULL, as in Flink.
   */
  public static String dateFormat(long timestampMillis, String format) {
    DateTimeFormatter f = formatter(format);
    return f == null ? null : f.format(Instant.ofEpochMilli(timestampMillis));
  }

  /**
   * {@code REGEXP_EXTRACT(s, regex[, group])}: group {@code group} (0 = the whole match; default 0)
   * of the first match of {@code regex} in {@code s}; NULL when nothing matches, the regex is
   * invalid or the group does not exist (Flink's semantics).
   */
  public static String regexpExtract(String s, String regex, long group) {
    Pattern p = pattern(regex);
    if (p == INVALID || group < 0) {
      return null;
    }
    Matcher m = p.matcher(s);
    if (!m.find() || group > m.groupCount()) {
      return null;
    }
    return m.group((int) group);
  }

  public static String regexpExtract(String s, String regex) {
    return regexpExtract(s, regex, 0);
  }

  /**
   * {@code SPLIT_INDEX(s, separator, index)}: the {@code index}-th (from 0) piece of {@code s} split
   * at every occurrence of {@code separator}, empty pieces kept; NULL when there is no such piece
   * or {@code index} is negative (Flink's semantics, which are commons-lang's
   * {@code splitByWholeSeparatorPreserveAllTokens}). An empty separator splits at every
   * whitespace character.
   */
  public static String splitIndex(String s, String separator, long index) {
    if (index < 0) {
      return null;
    }
    List<String> pieces = split(s, separator);
    return index < pieces.size() ? pieces.get((int) index) : null;
  }

  static List<String> split(String s, String separator) {
    List<String> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    if (separator.isEmpty()) { // at every whitespace character, empty pieces kept
      int start = 0;
      for (int i = 0; i < s.length(); i++) {
        if (Character.isWhitespace(s.charAt(i))) {
          out.add(s.substring(start, i));
          start = i + 1;
        }
      }
      out.add(s.substring(start));
      return out;
    }
    int from = 0;
    for (int at = s.indexOf(separator); at >= 0; at = s.indexOf(separator, from)) {
      out.add(s.substring(from, at));
      from = at + separator.length();
    }
    out.add(s.substring(from));
    return out;
  }

  private static DateTimeFormatter formatter(String format) {
    DateTimeFormatter f = FORMATS.get(format);
    if (f == null) {
      try {
        f = DateTimeFormatter.ofPattern(format, Locale.ROOT).withZone(ZoneOffset.UTC);
      } catch (IllegalArgumentException e) {
        return null;
      }
      remember(FORMATS, format, f);
    }
    return f;
  }

  private static Pattern pattern(String regex) {
    Pattern p = PATTERNS.get(regex);
    if (p == null) {
      try {
        p = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        p = INVALID;
      }
      remember(PATTERNS, regex, p);
    }
    return p;
  }

  private static <V> void remember(Map<String, V> memo, String key, V value) {
    if (memo.size() >= MEMO_LIMIT) {
      memo.clear();
    }
    memo.put(key, value);
  }
}
