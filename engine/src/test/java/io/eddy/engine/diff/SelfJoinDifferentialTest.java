package io.eddy.engine.diff;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link DifferentialTest} with workloads of self-joins only ({@link RelationalQueries#selfJoin}:
 * inner and outer self-joins, three-way self-joins, the same sub-query on both sides), whose join
 * inputs share arrangements, over tables with random upserts and deletes; checked against DuckDB
 * after every step. {@code -Deddy.diff.iterations=N} runs N seeds (default 3).
 */
class SelfJoinDifferentialTest {
  private static final long BASE_SEED = 20_261_300L;

  @TestFactory
  Stream<DynamicTest> seeds() {
    return DifferentialTest.seeds(BASE_SEED, 3, WorkloadGenerator.Kind.SELF_JOINS);
  }
}
