package io.eddy.bench;

import io.eddy.bench.nexmark.NexmarkConfig;
import io.eddy.bench.nexmark.NexmarkCsvFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code eddy bench ...}, called by the shell's launcher: {@code nexmark} runs queries
 * ({@link NexmarkCommand}); {@code nexmark-csv} writes generated events as the Flink peer's flat CSV.
 * Misuse is an IllegalArgumentException whose message the caller prints with {@link #USAGE}.
 */
public final class BenchMain {
  public static final String USAGE = BenchOptions.USAGE + """
      Usage: eddy bench nexmark-csv --events N --out FILE [--seed S] [--rate R]
        writes the generator's events as flat CSV, byte-identical to the Flink peer's gen.sh
        with the same N, seed and rate (default rate 10000000 events/s of event time)
      """;

  private BenchMain() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("bench needs a benchmark: nexmark or nexmark-csv");
    }
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "nexmark" -> new NexmarkCommand(out, err).run(rest);
      case "nexmark-csv" -> writeCsv(rest, err);
      default -> throw new IllegalArgumentException("unknown benchmark '" + args.get(0) + "'");
    };
  }

  private static int writeCsv(List<String> args, PrintStream err) {
    long events = -1;
    Path file = null;
    NexmarkConfig config = NexmarkConfig.defaults();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      String v = args.get(i + 1);
      switch (args.get(i)) {
        case "--events" -> events = Long.parseLong(v.replace("_", ""));
        case "--out" -> file = Path.of(v);
        case "--seed" -> config = config.withSeed(Long.parseLong(v));
        case "--rate" -> config = config.withRate(Long.parseLong(v.replace("_", "")));
        default -> throw new IllegalArgumentException("unknown option '" + args.get(i) + "'");
      }
    }
    if (events < 0 || file == null || args.size() % 2 != 0) {
      throw new IllegalArgumentException("nexmark-csv needs --events N and --out FILE");
    }
    long t0 = System.nanoTime();
    NexmarkCsvFile.write(file, events, config);
    err.printf("wrote %d events to %s in %.2f s%n", events, file, (System.nanoTime() - t0) / 1e9);
    return 0;
  }
}
