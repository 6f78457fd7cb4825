package io.eddy.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.circuit.Circuit;
import io.eddy.planner.catalog.Catalog;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.codegen.ParamContext;
import io.eddy.sql.ast.QueryText;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A DOUBLE column compared with DECIMAL literals in an IN list and in ranges (sqllogictest's
 * index/between files): Calcite's simplifier once failed on such a mix with a ClassCastException
 * (Double vs BigDecimal); the filter must plan and keep the right rows.
 */
class DecimalLiteralOnDoubleTest {
  private static final RowType TAB = new RowType(List.of(
      new Column("pk", SqlType.of(TypeKind.BIGINT)),
      new Column("col4", SqlType.of(TypeKind.DOUBLE))));
  private final Catalog catalog = Catalog.EMPTY.with(
      new StreamDef("tab0", TAB, -1, 0, 1, Map.of(), null, "CREATE STREAM tab0 (...)"));

  private Set<Long> pks(String where) {
    String sql = "SELECT pk FROM tab0 WHERE " + where;
    QueryPlanner planner = new QueryPlanner(catalog);
    PlannedQuery plan = planner.plan(new QueryText(sql, 1, 1), sql, PlanMode.STANDING);
    Circuit c = plan.circuit().instantiate(new ParamContext(planner.typeFactory(), List.of(), 0));
    Set<Long> out = new HashSet<>();
    c.open(b -> {
      for (int r = 0; r < b.size(); r++) {
        out.add((Long) Row.from(b, r).get(0));
      }
    });
    BatchBuilder in = new BatchBuilder(TAB);
    double[] values = {1557.4, 2630.2, 4206.69, 5152.14, 9649.60, 100.0};
    for (int i = 0; i < values.length; i++) {
      in.addRow(new Object[] {(long) i, values[i]}, 1);
    }
    in.addRow(new Object[] {99L, null}, 1);
    c.push(0, in.build());
    return out;
  }

  @Test
  void inListOfDecimalsWithARangeOnADoubleColumn() {
    assertEquals(Set.of(0L, 1L, 2L),
        pks("col4 IN (5152.14,2630.2,9649.60,1557.4,4206.69) AND col4 <= 4455.91"));
    assertEquals(Set.of(0L, 1L, 2L, 5L),
        pks("(col4 IN (5152.14,2630.2,9649.60,1557.4,4206.69) AND col4 <= 4455.91) OR col4 < 375.91"));
    assertEquals(Set.of(3L, 4L),
        pks("col4 IN (7459.89,578.40,5152.14,9649.60) OR col4 > 9000 AND col4 IN (9649.60, 1.5)"));
  }
}
