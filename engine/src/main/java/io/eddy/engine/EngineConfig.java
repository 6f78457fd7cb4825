package io.eddy.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Engine settings, immutable, with defaults filled in one place.
 *
 * @param dataDir where the catalog, the log and checkpoints live
 * @param settings further {@code key -> value} settings (same keys as {@code SET})
 */
public record EngineConfig(Path dataDir, Map<String, String> settings) {
  public EngineConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    settings = Map.copyOf(settings);
  }

  public static EngineConfig of(Path dataDir) {
    return new EngineConfig(dataDir, Map.of());
  }
}
