package io.eddy.jdbc;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated properties of one {@code jdbc:eddy:} connection: those of the URL
 * ({@code jdbc:eddy:dir=/data;...}) merged with the {@link Properties} passed to
 * {@code connect}. Known keys: {@code dir} (required: the embedded engine's data directory),
 * {@code user} and {@code password} (accepted and ignored, generic tools always send them).
 * Any other key is an error, so a typo never silently falls back to a default.
 *
 * @param dataDir the embedded engine's data directory
 */
record ConnectionSpec(Path dataDir) {
  static final String DIR = "dir";
  private static final Set<String> IGNORED = Set.of("user", "password");

  /** Validates {@code properties} (URL and info merged). */
  static ConnectionSpec of(Properties properties) {
    Set<String> unknown = new TreeSet<>();
    for (String key : properties.stringPropertyNames()) {
      if (!key.equals(DIR) && !IGNORED.contains(key)) {
        unknown.add(key);
      }
    }
    if (unknown.contains("url")) {
      throw new EddyException(ErrorCode.UNSUPPORTED,
          "remote connections (jdbc:eddy:url=...) are not supported yet");
    }
    if (!unknown.isEmpty()) {
      throw new EddyException(ErrorCode.CONFIG, "unknown connection propert"
          + (unknown.size() == 1 ? "y " : "ies ") + String.join(", ", unknown)
          + "; known: dir, user, password");
    }
    String dir = properties.getProperty(DIR);
    if (dir == null || dir.isBlank()) {
      throw new EddyException(ErrorCode.CONFIG,
          "missing data directory: use jdbc:eddy:dir=/path/to/data");
    }
    return new ConnectionSpec(Path.of(dir));
  }
}
