package io.eddy.engine.diff;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test of the engine against DuckDB over random workloads (see {@link DifferentialRun}).
 * Each seed runs three times, with one row per INSERT, with 5, and with whole steps, and all three
 * must end with the same view contents. {@code -Deddy.diff.iterations=N} runs N seeds (default 4);
 * {@code -Deddy.diff.seed=S} runs seed S alone; {@code -Deddy.diff.queries=Q} sets queries per seed.
 */
class DifferentialTest {
  static final String SEED = "eddy.diff.seed";
  static final long BASE_SEED = 20_241_125L;

  @TestFactory
  Stream<DynamicTest> seeds() {
    String one = System.getProperty(SEED);
    LongStream seeds = one != null ? LongStream.of(Long.parseLong(one))
        : LongStream.range(0, Integer.getInteger("eddy.diff.iterations", 4)).map(i -> BASE_SEED + i);
    int queries = Integer.getInteger("eddy.diff.queries", 6);
    return seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> run(seed, queries)));
  }

  /**
   * One dynamic test per seed from {@code base} on ({@code -Deddy.diff.iterations=N} seeds, default
   * {@code iterations}), each running a workload of six queries of {@code kind}.
   */
  static Stream<DynamicTest> seeds(long base, int iterations, WorkloadGenerator.Kind kind) {
    return LongStream.range(0, Integer.getInteger("eddy.diff.iterations", iterations)).map(i -> base + i)
        .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> run(WorkloadGenerator.generate(seed, 6, kind))));
  }

  private static void run(long seed, int queries) throws Exception {
    run(WorkloadGenerator.generate(seed, queries));
  }

  /** Runs {@code w} with whole steps (checked against DuckDB after each), 1 and 5 rows per INSERT. */
  static void run(Workload w) throws Exception {
    long seed = w.seed();
    Map<String, List<Object[]>> whole = runIn(w, Integer.MAX_VALUE, true);
    for (int batch : new int[] {1, 5}) {
      Map<String, List<Object[]>> other = runIn(w, batch, false);
      for (String view : whole.keySet()) {
        Optional<String> diff = Bags.difference(whole.get(view), other.get(view));
        if (diff.isPresent()) {
          fail("[seed " + seed + "; rerun with -D" + SEED + "=" + seed + "]\n" + w.describe() + "view " + view
              + " with " + batch + " row(s) per INSERT differs from whole steps:\n" + diff.get());
        }
      }
    }
  }

  private static Map<String, List<Object[]>> runIn(Workload w, int batch, boolean everyStep) throws Exception {
    Path dir = Files.createTempDirectory("eddy-diff-");
    try {
      return new DifferentialRun(w, batch, everyStep).run(dir);
    } finally {
      io.eddy.engine.script.ScriptFiles.deleteTree(dir);
    }
  }
}
