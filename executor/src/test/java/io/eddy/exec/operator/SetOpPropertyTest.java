package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.reference.ReferenceSetOp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Incremental == batch for {@link SetOpOperator}: 2-3 inputs over a narrow schema (so rows repeat
 * across inputs), random insert/retract histories interleaved; after every batch the integrated
 * output equals {@link ReferenceSetOp} over the integrated inputs.
 */
class SetOpPropertyTest {
  private static final TypeKind[] KINDS = {TypeKind.INT, TypeKind.BOOLEAN, TypeKind.VARCHAR};

  @ParameterizedTest
  @CsvSource({"INTERSECT,false", "INTERSECT,true", "EXCEPT,false", "EXCEPT,true"})
  void matchesMultisetDefinition(SetOpOperator.Kind kind, boolean all) {
    for (long seed = 0; seed < 200; seed++) {
      RandomRows rows = new RandomRows(new Random(seed));
      Random random = rows.random();
      List<Column> cols = new ArrayList<>();
      for (int c = 1 + random.nextInt(2); c > 0; c--) {
        cols.add(new Column("c" + c, SqlType.of(KINDS[random.nextInt(KINDS.length)])));
      }
      RowType type = new RowType(cols);
      int n = 2 + random.nextInt(2);
      Integrator op = new Integrator(new SetOpOperator(type, kind, all, n));
      List<List<ZBatch>> histories = new ArrayList<>();
      List<Map<Row, Long>> integrated = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        histories.add(new ArrayList<>(RandomHistory.generate(rows, type, 1 + random.nextInt(8), 8)));
        integrated.add(new HashMap<>());
      }
      while (histories.stream().anyMatch(h -> !h.isEmpty())) {
        int port = random.nextInt(n);
        if (histories.get(port).isEmpty()) {
          continue;
        }
        ZBatch b = histories.get(port).remove(0);
        ZSets.addInto(integrated.get(port), b);
        op.push(port, b);
        long s = seed;
        assertEquals(ReferenceSetOp.apply(integrated, kind == SetOpOperator.Kind.INTERSECT, all), op.output(),
            () -> "seed " + s + " inputs " + integrated);
      }
    }
  }
}
