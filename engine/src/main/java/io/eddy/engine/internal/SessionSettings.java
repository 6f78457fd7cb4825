package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.Result;
import io.eddy.sql.ast.SetOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings {@code SET} accepts, validated when set. An unknown key is an error that lists the
 * known ones (a typo must not be silently ignored).
 */
final class SessionSettings {
  private static final Map<String, Set<String>> KNOWN = Map.of(
      "log.fsync", Set.of("batch", "interval", "none"));

  private SessionSettings() {}

  private static Set<String> known() {
    Set<String> keys = new TreeSet<>(KNOWN.keySet());
    keys.add(WatermarkPolicy.IDLE_TIMEOUT);
    keys.add(WatermarkPolicy.MAX_FUTURE_SKEW);
    keys.add(io.eddy.engine.internal.parallel.Parallelism.KEY);
    return keys;
  }

  static Result set(Map<String, String> settings, SetOption set) {
    if (set.key().equals(WatermarkPolicy.IDLE_TIMEOUT) || set.key().equals(WatermarkPolicy.MAX_FUTURE_SKEW)) {
      try {
        WatermarkPolicy.millis(set.key(), set.value());
      } catch (EddyException e) {
        throw new EddyException(ErrorCode.CONFIG, e.reason(), set.span(), set.script(), e.hint(), null);
      }
      settings.put(set.key(), set.value());
      return new Result.Status("SET", -1);
    }
    if (set.key().equals(io.eddy.engine.internal.parallel.Parallelism.KEY)) {
      try {
        io.eddy.engine.internal.parallel.Parallelism.parse(set.value());
      } catch (EddyException e) {
        throw new EddyException(ErrorCode.CONFIG, e.reason(), set.span(), set.script(), e.hint(), null);
      }
      settings.put(set.key(), set.value().trim());
      return new Result.Status("SET", -1);
    }
    Set<String> allowed = KNOWN.get(set.key());
    if (allowed == null) {
      throw new EddyException(ErrorCode.CONFIG, "unknown setting '" + set.key() + "'", set.span(),
          set.script(), "known settings: " + String.join(", ", known()), null);
    }
    String value = set.value().toLowerCase(java.util.Locale.ROOT);
    if (!allowed.contains(value)) {
      throw new EddyException(ErrorCode.CONFIG, "'" + set.value() + "' is not a value of " + set.key(),
          set.span(), set.script(), "one of: " + String.join(", ", new TreeSet<>(allowed)), null);
    }
    settings.put(set.key(), value);
    return new Result.Status("SET", -1);
  }
}
