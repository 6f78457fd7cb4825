package io.eddy.engine.diff;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link DifferentialTest} with workloads made only of TOP-N (ROW_NUMBER, RANK, DENSE_RANK, LIMIT),
 * OVER aggregates (ROWS and RANGE frames) and [NOT] IN sub-queries, checked against DuckDB.
 * {@code -Deddy.diff.iterations=N} runs N seeds (default 3).
 */
class WindowFunctionDifferentialTest {
  private static final long BASE_SEED = 20_261_125L;

  @TestFactory
  Stream<DynamicTest> seeds() {
    return DifferentialTest.seeds(BASE_SEED, 3, WorkloadGenerator.Kind.WINDOW_FUNCTIONS);
  }
}
