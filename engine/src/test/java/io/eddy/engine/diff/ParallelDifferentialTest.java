package io.eddy.engine.diff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link DifferentialTest}'s random workloads with every standing query run by 2 workers (engine
 * setting {@code parallelism}): after every step each view must equal DuckDB, as with one
 * thread. Two seeds here; {@code -Deddy.test.parallelism=2} runs every engine test this way.
 */
class ParallelDifferentialTest {
  @TestFactory
  Stream<DynamicTest> seeds() {
    return LongStream.range(0, 2).map(i -> DifferentialTest.BASE_SEED + 100 + i).mapToObj(seed ->
        DynamicTest.dynamicTest("seed " + seed + ", 2 workers", () -> run(seed)));
  }

  private static void run(long seed) throws Exception {
    Workload w = WorkloadGenerator.generate(seed, 6);
    Path dir = Files.createTempDirectory("eddy-pardiff-");
    try {
      new DifferentialRun(w, 5, true, Map.of("parallelism", "2")).run(dir);
    } finally {
      io.eddy.engine.script.ScriptFiles.deleteTree(dir);
    }
  }
}
