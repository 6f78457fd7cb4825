package io.eddy.engine.slt;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Runs one SLT file in a fresh engine over a temporary data directory. Stateless. */
final class SltFiles {
  /**
   * The engine settings of a run: no fsync and no checkpoints (durability is not what the corpus
   * checks; a standing query checkpointing every second costs an fsync per live view).
   */
  private static final Map<String, String> SETTINGS = Map.of("log.fsync", "none", "checkpoint.interval", "0",
      "codegen.cache_size", System.getProperty("eddy.slt.codegenCache", "1024"));

  private SltFiles() {}

  /** The {@code .test} files under {@code root}, as sorted relative paths with '/' separators. */
  static List<String> list(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".test"))
          .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of one file: its outcomes and how the run went. */
  record FileRun(String file, List<SltOutcome> outcomes, int earlyRegistered, List<String> statementProblems,
      int guardedOut, long totalQueries, long millis) {}

  /**
   * Runs {@code file}; with {@code sample > 0} only an evenly spaced, deterministic sample of about
   * {@code sample} of its query records is checked (every statement still runs). The selected
   * queries run in chunks of {@link SltFileRunner#MAX_EARLY}, each in a fresh engine (see
   * {@link SltSample#chunks}); statement problems are reported from the first chunk (every chunk
   * replays the same statements). A non-empty {@code lines} checks only the query records at those
   * lines (of the sample).
   */
  static FileRun run(Path root, String file, int sample, java.util.Set<Integer> lines) throws IOException {
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    SltScript script = SltParser.parse(file, Files.readString(root.resolve(file)));
    SltSample kept = lines.isEmpty() ? SltSample.of(script, sample) : SltSample.of(script, sample).only(lines);
    List<SltOutcome> outcomes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int early = 0;
    boolean first = true;
    for (Predicate<SltRecord.Query> chunk : kept.chunks(SltFileRunner.MAX_EARLY)) {
      Path dir = Files.createTempDirectory("eddy-slt-");
      try (Engine engine = Engine.open(new EngineConfig(dir, SETTINGS));
          Session session = engine.openSession()) {
        SltFileRunner runner = new SltFileRunner(session, kept.script(), chunk);
        outcomes.addAll(runner.run());
        early += runner.earlyRegistered();
        if (first) {
          problems.addAll(runner.statementProblems());
          first = false;
        }
      } finally {
        deleteTree(dir);
      }
    }
    outcomes.sort(Comparator.comparingInt(SltOutcome::line));
    long millis = (System.nanoTime() - start) / 1_000_000;
    long cpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
    System.out.printf(Locale.ROOT, "SLT %s: %d records in %d ms (%.1f records/s), process CPU %d ms%n", file,
        outcomes.size(), millis, outcomes.size() * 1000.0 / Math.max(1, millis), cpuMillis);
    return new FileRun(file, outcomes, early, problems, script.guardedOut(), script.queryCount(), millis);
  }

  /** CPU time of this process (all threads), or 0 where the platform does not tell. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
