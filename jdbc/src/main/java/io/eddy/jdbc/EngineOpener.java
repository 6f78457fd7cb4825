package io.eddy.jdbc;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import java.nio.file.Path;

/**
 * Opens the embedded engine of a data directory. The driver calls it once per canonical
 * directory and shares the result among connections (see {@link EngineRegistry}).
 */
@FunctionalInterface
public interface EngineOpener {

  /** Opens the engine over {@code dataDir}; throws {@link io.eddy.common.error.EddyException}. */
  EngineHandle open(Path dataDir);

  /** The real thing: {@link Engine#open} with default settings. */
  static EngineOpener embedded() {
    return dataDir -> {
      Engine engine = Engine.open(EngineConfig.of(dataDir));
      return new EngineHandle() {
        @Override
        public io.eddy.engine.Session openSession() {
          return engine.openSession();
        }

        @Override
        public void close() {
          engine.close();
        }
      };
    };
  }
}
