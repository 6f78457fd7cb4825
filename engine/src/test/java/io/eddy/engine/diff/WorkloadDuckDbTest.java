package io.eddy.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine-free half of the harness: the generator and the oracle, checked on their own. */
class WorkloadDuckDbTest {

  @Test
  void sameSeedSameWorkload() {
    assertEquals(WorkloadGenerator.generate(7, 6).describe(), WorkloadGenerator.generate(7, 6).describe());
    assertFalse(WorkloadGenerator.generate(7, 6).describe().equals(WorkloadGenerator.generate(8, 6).describe()));
  }

  /** Every generated statement and query runs in DuckDB, whatever the batch size. */
  @Test
  void everyGeneratedStatementRunsInDuckDb() throws Exception {
    int nonEmpty = 0;
    for (long seed = 0; seed < 15; seed++) {
      Workload w = WorkloadGenerator.generate(seed, 8);
      for (int batch : new int[] {1, Integer.MAX_VALUE}) {
        try (DuckDbOracle duck = new DuckDbOracle()) {
          w.sources().forEach(s -> duck.execute(s.duckDdl()));
          for (Op op : w.ops()) {
            op.statements(batch, true).forEach(duck::execute);
            for (String q : w.queries()) {
              nonEmpty += duck.query(q).isEmpty() ? 0 : 1;
            }
          }
        }
      }
    }
    assertTrue(nonEmpty > 300, "queries should mostly return rows, got " + nonEmpty);
  }

  /** Batching changes nothing in the batch database: the oracle's own answer to "same contents". */
  @Test
  void batchSizeDoesNotChangeDuckDbResults() throws Exception {
    for (long seed = 100; seed < 110; seed++) {
      Workload w = WorkloadGenerator.generate(seed, 6);
      List<List<Object[]>> whole = finalResults(w, Integer.MAX_VALUE);
      List<List<Object[]>> single = finalResults(w, 1);
      for (int q = 0; q < whole.size(); q++) {
        assertEquals(java.util.Optional.empty(), Bags.difference(whole.get(q), single.get(q)),
            "seed " + seed + " query " + w.queries().get(q));
      }
    }
  }

  private static List<List<Object[]>> finalResults(Workload w, int batch) throws Exception {
    try (DuckDbOracle duck = new DuckDbOracle()) {
      w.sources().forEach(s -> duck.execute(s.duckDdl()));
      w.ops().forEach(op -> op.statements(batch, true).forEach(duck::execute));
      List<List<Object[]>> out = new ArrayList<>();
      w.queries().forEach(q -> out.add(duck.query(q)));
      return out;
    }
  }

  @Test
  void tablesSplitBatchesBeforeARepeatedKey() {
    SourceDef t = new SourceDef("t", true, List.of(new SourceDef.ColumnDef("k", DiffType.INT),
        new SourceDef.ColumnDef("x0", DiffType.INT)));
    Op op = new Op.Insert(t, List.of(new Object[] {1, 1}, new Object[] {2, 2}, new Object[] {1, 3}));
    assertEquals(List.of("INSERT INTO t VALUES (1, 1), (2, 2)", "INSERT INTO t VALUES (1, 3)"),
        op.statements(10, false));
    assertEquals(3, op.statements(1, true).size());
  }

  @Test
  void bagsCompareNumbersByValueAndDoublesWithTolerance() {
    assertTrue(Bags.valuesEqual(3, 3L));
    assertTrue(Bags.valuesEqual(new BigDecimal("2.50"), new BigDecimal("2.5")));
    assertTrue(Bags.valuesEqual(BigInteger.TEN, 10));
    assertTrue(Bags.valuesEqual(0.1 + 0.2, 0.3));
    assertTrue(Bags.valuesEqual(-0.0, 0.0));
    assertFalse(Bags.valuesEqual(1.0, 1.001));
    assertFalse(Bags.valuesEqual(null, 0));
    assertFalse(Bags.valuesEqual("a", "A"));
    List<Object[]> a = List.<Object[]>of(new Object[] {1, "x"}, new Object[] {1, "x"});
    List<Object[]> b = List.<Object[]>of(new Object[] {1L, "x"});
    assertTrue(Bags.difference(a, b).isPresent(), "multiplicity counts");
    assertEquals(java.util.Optional.empty(), Bags.difference(a, List.<Object[]>of(a.get(1), a.get(0))));
  }
}
