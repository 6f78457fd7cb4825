package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.reference.ReferenceUpsert;
import io.eddy.exec.reference.ReferenceUpsert.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link UpsertOperator}: examples, and random changelogs against {@link ReferenceUpsert}. */
class UpsertOperatorTest {
  private static final RowType TYPE = new RowType(List.of(
      new Column("id", SqlType.of(TypeKind.INT)), new Column("name", SqlType.of(TypeKind.VARCHAR))));

  private final List<Map<Row, Long>> deltas = new ArrayList<>();

  private static ZBatch changes(Object... idNameWeight) {
    BatchBuilder b = new BatchBuilder(TYPE);
    for (int i = 0; i < idNameWeight.length; i += 3) {
      b.addRow(new Object[] {idNameWeight[i], idNameWeight[i + 1]}, (Integer) idNameWeight[i + 2]);
    }
    return b.build();
  }

  @Test
  void insertReplaceDeleteAndNoOps() {
    UpsertOperator op = new UpsertOperator(TYPE, new int[] {0});
    op.open(b -> deltas.add(ZSets.consolidate(b)));
    op.onBatch(0, changes(1, "a", 1, 2, "b", 1));
    assertEquals(Map.of(Row.of(1, "a"), 1L, Row.of(2, "b"), 1L), deltas.get(0));
    op.onBatch(0, changes(1, "a2", 1, 2, "b", 1, 3, null, -1));
    assertEquals(Map.of(Row.of(1, "a"), -1L, Row.of(1, "a2"), 1L), deltas.get(1));
    op.onBatch(0, changes(1, "a2", 1, 9, "z", -1));
    assertEquals(2, deltas.size(), "an identical upsert and a delete of a missing key emit nothing");
    op.onBatch(0, changes(2, null, -1));
    assertEquals(Map.of(Row.of(2, "b"), -1L), deltas.get(2));
    assertEquals(3, deltas.size());
    assertEquals(1, op.stateSize().rows());
  }

  @Test
  void randomChangelogsMatchTheReplayedTable() {
    for (long seed = 0; seed < 300; seed++) {
      RandomRows rows = new RandomRows(new Random(seed));
      Random random = rows.random();
      RowType type = rows.schemaWithEveryKind();
      int[] keys = random.ints(0, type.size()).distinct().limit(1 + random.nextInt(2)).toArray();
      Integrator op = new Integrator(new UpsertOperator(type, keys));
      List<Change> log = new ArrayList<>();
      for (int batch = 0; batch < 20; batch++) {
        BatchBuilder b = new BatchBuilder(type, 1);
        for (int r = random.nextInt(12); r > 0; r--) {
          Row row = !log.isEmpty() && random.nextInt(4) == 0 ? log.get(random.nextInt(log.size())).row() : rows.row(type);
          long w = random.nextInt(10) == 0 ? 0 : random.nextInt(3) == 0 ? -1 : 1 + random.nextInt(2);
          b.addRow(row.values(), w);
          log.add(new Change(row, w));
        }
        op.push(b.build());
        long s = seed;
        int n = batch;
        assertEquals(ReferenceUpsert.table(log, keys), op.output(), () -> "seed " + s + " batch " + n + " " + type);
      }
    }
  }
}
