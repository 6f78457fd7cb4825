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

  static Result set(Map<String, String> settings, SetOption set) {
    Set<String> allowed = KNOWN.get(set.key());
    if (allowed == null) {
      throw new EddyException(ErrorCode.CONFIG, "unknown setting '" + set.key() + "'", set.span(),
          set.script(), "known settings: " + String.join(", ", new TreeSet<>(KNOWN.keySet())), null);
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
