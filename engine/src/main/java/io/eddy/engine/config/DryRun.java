package io.eddy.engine.config;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.internal.EngineRuntime;
import io.eddy.engine.internal.StatementExecutor;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.catalog.ViewDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Validates a config's statements the only complete way: by running them, in order, in a scratch
 * engine over an empty temporary directory (deleted afterwards). Planning errors come back placed
 * in the config file. Kafka streams stay offline (options checked, no broker contacted, nothing
 * written to a topic). Stateless.
 */
final class DryRun {
  private DryRun() {}

  /** Runs every statement; returns each object's direct dependencies (lower-case names). */
  static Map<String, Set<String>> run(ServerConfig config) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("eddy-config-check");
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot create a scratch directory: " + e.getMessage(), e);
    }
    try (EngineRuntime rt = new EngineRuntime(new EngineConfig(scratch,
        Map.of("log.fsync", "none", "connectors.offline", "true")))) {
      StatementExecutor executor = new StatementExecutor(rt, new HashMap<>());
      for (ConfigStatement cs : config.statements()) {
        try {
          executor.execute(cs.statement());
        } catch (EddyException e) {
          throw cs.locate(e);
        }
      }
      Map<String, Set<String>> dependencies = new LinkedHashMap<>();
      for (CatalogObject o : rt.catalog().objects()) {
        dependencies.put(o.key(), dependenciesOf(o));
      }
      return dependencies;
    } finally {
      Reconciler.clear(scratch);
      try {
        Files.deleteIfExists(scratch);
      } catch (IOException e) {
        // a leftover empty temporary directory is harmless
      }
    }
  }

  private static Set<String> dependenciesOf(CatalogObject o) {
    if (o instanceof ViewDef v) {
      return v.dependencies();
    }
    if (o instanceof StreamDef s && s.derived() != null) {
      return s.derived().dependencies();
    }
    return Set.of();
  }
}
