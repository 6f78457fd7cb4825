package io.eddy.bench;

import io.eddy.bench.nexmark.NexmarkConfig;
import io.eddy.bench.nexmark.NexmarkQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@code eddy bench nexmark}, parsed and validated once.
 *
 * @param queries the queries to run, in order
 * @param events number of generated events (ignored with {@code input})
 * @param input the peer's flat CSV to load, or null for the in-process generator
 * @param parallelism partitions of each stream, and workers of the query (engine setting {@code parallelism})
 * @param rate null for a throughput run (as fast as possible); else events per second of wall
 *     clock (and of event time) for a paced latency run
 * @param seed generator seed
 * @param batch events per log append
 * @param warmup generator runs: the first events, appended as an unmeasured warm-up; null: a tenth
 *     of {@code events} in a paced run, none in an unpaced one
 * @param latencyLog paced runs: where to write each measured tick's schedule and latency (see
 *     {@link #latencyLog(String)}); null for none
 * @param passes {@code input} runs: how many times the query runs over the loaded log, each from
 *     its start; the last is measured, the others are a warm-up (the JIT)
 * @param retention unpaced generator runs: the retention of each stream partition's log in MB
 *     (see {@link #retentionMb()}); null: {@link #DEFAULT_RETENTION_MB}; 0 keeps the whole log
 */
public record BenchOptions(List<String> queries, long events, Path input, int parallelism, Long rate, long seed,
    int batch, Long warmup, Path latencyLog, int passes, Integer retention) {
  /** An unpaced generator run's log retention per stream partition, in MB, unless told otherwise. */
  public static final int DEFAULT_RETENTION_MB = 256;
  /** More log bytes than any generated event takes (an auction, the largest, stays below 800). */
  static final int MAX_EVENT_BYTES = 1024;

  public static final String USAGE = """
      Usage: eddy bench nexmark --query Q [options]
        --query Q          q0 .. q22, a comma-separated list, or all
        --events N         events from the in-process generator (default 10000000; _ allowed)
        --input FILE       load this flat Nexmark CSV (the Flink peer's gen.sh format) into the log,
                           then run the query over it (instead of the generator)
        --parallelism N    partitions of the streams person, auction and bid, and worker
                           threads of the query (default 1; at most 64)
        --rate R           paced run: append R events per second (also the event-time density)
                           and report append -> result latency (p50/p99); generator only
        --warmup N         generator only: the first N events are an unmeasured warm-up,
                           appended as fast as the query takes them (default: a tenth of
                           --events in a paced run, none in an unpaced one)
        --seed S           generator seed (default 42)
        --batch N          events per append (default 10000; paced runs append every millisecond)
        --latency-log F    paced runs: write each measured tick's scheduled time and latency to F
                           (with several queries, to F-<query>), to line up with a GC log
        --passes N         --input only: run the query N times over the loaded log, each from the
                           start, and measure the last (the others warm the JIT; default 1)
        --retention-mb N   unpaced generator runs: each stream partition keeps the newest N MB of
                           its log, as a stream with retention = 'N MB' does, and the generator
                           waits rather than run so far ahead of the query that one of its events
                           would go unread (default 256; 0 keeps the whole log)
      """;

  public BenchOptions {
    queries = List.copyOf(queries);
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("--parallelism must be from 1 to 64");
    }
    if (rate != null && input != null) {
      throw new IllegalArgumentException("--rate paces the in-process generator; it cannot be used with --input");
    }
    if (rate != null && rate <= 0 || events < 0 || batch < 1) {
      throw new IllegalArgumentException("--rate, --events and --batch must be positive");
    }
    if (warmup != null && (input != null || warmup < 0 || warmup >= events)) {
      throw new IllegalArgumentException("--warmup needs the generator and is fewer events than --events");
    }
    if (passes < 1 || passes > 1 && input == null) {
      throw new IllegalArgumentException("--passes needs --input and is at least 1 (a generator run warms up with --warmup)");
    }
    if (latencyLog != null && rate == null) {
      throw new IllegalArgumentException("--latency-log needs a paced run (--rate)");
    }
    if (retention != null && (input != null || rate != null)) {
      throw new IllegalArgumentException("--retention-mb needs an unpaced generator run: --input loads the whole file"
          + " before the query starts, and a paced run cannot wait for the query");
    }
    if (retention != null && retention != 0 && retention < minRetentionMb(batch)) {
      throw new IllegalArgumentException("--retention-mb must be 0 or hold three batches of events at "
          + MAX_EVENT_BYTES + " bytes each (at least " + minRetentionMb(batch) + " for --batch " + batch + ")");
    }
  }

  /**
   * The retention of each stream partition's log in MB: as given, else
   * {@link #DEFAULT_RETENTION_MB} in an unpaced generator run; 0 (the whole log) in the others.
   * Retention keeps the newest segments holding at least this much, and deletes older ones as
   * new ones are written, so the log stops growing and the page cache its files take is recycled,
   * as in a long-running deployment.
   */
  public int retentionMb() {
    return retention != null ? retention : input == null && rate == null ? DEFAULT_RETENTION_MB : 0;
  }

  /**
   * With retention, how many events the generator may run ahead of the query: every event not
   * yet read must be within the retained bytes: at most the retention over
   * {@link #MAX_EVENT_BYTES}, less two batches (the runner waits after each batch for the batches
   * that ended this far back, so the one after them and the one being appended may be unread too).
   * {@link Long#MAX_VALUE} without.
   */
  public long maxLagEvents() {
    int mb = retentionMb();
    return mb == 0 ? Long.MAX_VALUE : maxLag(mb, batch);
  }

  private static long maxLag(int retentionMb, int batch) {
    return ((long) retentionMb << 20) / MAX_EVENT_BYTES - 2L * batch;
  }

  /** The least retention whose {@link #maxLag} is at least a batch: three batches' bytes, in whole MB. */
  private static long minRetentionMb(int batch) {
    long bytes = 3L * batch * MAX_EVENT_BYTES;
    return (bytes + (1 << 20) - 1) >> 20;
  }

  /** Where query {@code query}'s tick latencies go: {@code latencyLog}, suffixed when several queries run; or null. */
  public Path latencyLog(String query) {
    if (latencyLog == null || queries.size() == 1) {
      return latencyLog;
    }
    return latencyLog.resolveSibling(latencyLog.getFileName() + "-" + query);
  }

  /** A generator run's warm-up events: as given, else a tenth of the events paced and none unpaced. */
  public long warmupEvents() {
    return warmup != null ? warmup : rate == null ? 0 : events / 10;
  }

  public NexmarkConfig generatorConfig() {
    NexmarkConfig c = NexmarkConfig.defaults().withSeed(seed);
    return rate == null ? c : c.withRate(rate);
  }

  /** Parses the arguments after {@code bench nexmark}; misuse is an IllegalArgumentException. */
  public static BenchOptions parse(List<String> args) {
    List<String> queries = null;
    long events = 10_000_000L;
    Path input = null;
    int parallelism = 1;
    Long rate = null;
    long seed = NexmarkConfig.DEFAULT_SEED;
    int batch = 10_000;
    Long warmup = null;
    Path latencyLog = null;
    int passes = 1;
    Integer retention = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String v = i + 1 < args.size() ? args.get(i + 1) : null;
      if (v == null) {
        throw new IllegalArgumentException(a.startsWith("--") ? a + " needs a value" : "unexpected '" + a + "'");
      }
      i++;
      switch (a) {
        case "--query" -> queries = queries(v);
        case "--events" -> events = number(a, v);
        case "--input" -> input = Path.of(v);
        case "--parallelism" -> parallelism = (int) number(a, v);
        case "--rate" -> rate = number(a, v);
        case "--seed" -> seed = number(a, v);
        case "--batch" -> batch = (int) number(a, v);
        case "--warmup" -> warmup = number(a, v);
        case "--latency-log" -> latencyLog = Path.of(v);
        case "--passes" -> passes = (int) number(a, v);
        case "--retention-mb" -> retention = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, number(a, v)));
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    if (queries == null) {
      throw new IllegalArgumentException("--query is required");
    }
    return new BenchOptions(queries, events, input, parallelism, rate, seed, batch, warmup, latencyLog, passes,
        retention);
  }

  private static List<String> queries(String v) {
    if (v.equalsIgnoreCase("all")) {
      return NexmarkQuery.names();
    }
    List<String> out = List.of(v.toLowerCase(Locale.ROOT).split(","));
    for (String q : out) {
      if (!NexmarkQuery.names().contains(q)) {
        throw new IllegalArgumentException("unknown Nexmark query '" + q + "' (expected q0 .. q22 or all)");
      }
    }
    return out;
  }

  private static long number(String option, String v) {
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number, not '" + v + "'");
    }
  }
}
