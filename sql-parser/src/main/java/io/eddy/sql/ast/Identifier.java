package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;
import java.util.Locale;
import java.util.Objects;

/**
 * A name as the user wrote it (casing preserved, backticks removed) and where. Names compare
 * case-insensitively through {@link #key()}.
 */
public record Identifier(String name, SourceSpan span) {
  public Identifier {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty identifier");
    }
  }

  /** The case-insensitive lookup key. */
  public String key() {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return name;
  }
}
