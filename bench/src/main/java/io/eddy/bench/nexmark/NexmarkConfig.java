package io.eddy.bench.nexmark;

/**
 * What determines a Nexmark event sequence: the event at position n is a pure function of
 * (seed, rate, baseTimeMs, n). The defaults are those of the Flink peer's generator
 * ({@code /work/shared/peers/flink}), so the same settings give byte-identical CSV.
 *
 * @param seed seed of every random draw
 * @param eventsPerSecond density of event time: event n has time {@code base + n * 1e6/rate}
 *     microseconds (truncated to milliseconds); 10 M/s is the Flink nexmark "100m" suite's TPS
 * @param baseTimeMs event time of event 0, epoch milliseconds (UTC)
 */
public record NexmarkConfig(long seed, long eventsPerSecond, long baseTimeMs) {
  public static final long DEFAULT_SEED = 42L;
  public static final long DEFAULT_RATE = 10_000_000L;
  /** 2023-11-14 22:13:20 UTC. */
  public static final long DEFAULT_BASE_TIME_MS = 1_700_000_000_000L;

  public NexmarkConfig {
    if (eventsPerSecond <= 0) {
      throw new IllegalArgumentException("the event rate must be positive, not " + eventsPerSecond);
    }
  }

  public static NexmarkConfig defaults() {
    return new NexmarkConfig(DEFAULT_SEED, DEFAULT_RATE, DEFAULT_BASE_TIME_MS);
  }

  public NexmarkConfig withSeed(long s) {
    return new NexmarkConfig(s, eventsPerSecond, baseTimeMs);
  }

  public NexmarkConfig withRate(long r) {
    return new NexmarkConfig(seed, r, baseTimeMs);
  }
}
