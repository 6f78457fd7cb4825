package io.eddy.engine.config;

import io.eddy.engine.EngineConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated {@code eddy server} configuration (see {@link ConfigReader} for the file format).
 * Immutable; defaults are filled in by the reader.
 *
 * @param source the config file
 * @param dataDir the engine's data directory (relative paths are resolved against the config
 *     file's directory)
 * @param checkpointInterval how often each standing query checkpoints (the engine setting {@code checkpoint.interval})
 * @param fsync the log's fsync policy ({@code batch}, {@code interval}, {@code none}), or empty for
 *     the default
 * @param parallelism workers per standing query (the engine setting {@code parallelism}; 1 = one thread)
 * @param listen the address the server listens on
 * @param token the token every request must carry, or empty (allowed only on loopback addresses)
 * @param statements the CREATE statements, in order
 */
public record ServerConfig(ConfigSource source, Path dataDir, Duration checkpointInterval,
    Optional<String> fsync, int parallelism, ListenAddress listen, Optional<String> token,
    List<ConfigStatement> statements) {
  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

  public ServerConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(listen, "listen");
    statements = List.copyOf(statements);
  }

  /** The engine settings this configuration asks for. */
  public EngineConfig engineConfig() {
    Map<String, String> settings = new LinkedHashMap<>();
    fsync.ifPresent(f -> settings.put("log.fsync", f));
    settings.put("checkpoint.interval", checkpointInterval.toMillis() + "ms");
    if (parallelism > 1) {
      settings.put(io.eddy.engine.internal.parallel.Parallelism.KEY, Integer.toString(parallelism));
    }
    return new EngineConfig(dataDir, settings);
  }

  /**
   * A host and port to listen on.
   *
   * @param host a host name or IP literal (without brackets)
   * @param port 1 to 65535
   */
  public record ListenAddress(String host, int port) {
    public static final ListenAddress DEFAULT = new ListenAddress("127.0.0.1", 8765);

    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }
}
