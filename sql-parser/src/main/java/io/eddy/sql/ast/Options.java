package io.eddy.sql.ast;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code WITH (key = value, ...)}: keys lower-cased, values as written (quotes removed), order kept. */
public record Options(Map<String, String> values) {
  public static final Options EMPTY = new Options(Map.of());

  public Options {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key.toLowerCase(Locale.ROOT)));
  }
}
