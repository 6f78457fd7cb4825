package io.eddy.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans queries against a small catalog and runs their circuits on hand-made deltas. */
class QueryPlannerTest {
  private static final RowType BIDS = new RowType(List.of(
      new Column("auction", SqlType.of(TypeKind.BIGINT)),
      new Column("price", SqlType.of(TypeKind.BIGINT)),
      new Column("bidder", SqlType.of(TypeKind.VARCHAR))));
  private final Catalog catalog = Catalog.EMPTY.with(
      new StreamDef("Bids", BIDS, -1, 0, 1, Map.of(), null, "CREATE STREAM Bids (...)"));

  private Map<Row, Long> run(String sql, List<Object[]> rows, List<Long> weights) {
    QueryPlanner planner = new QueryPlanner(catalog);
    PlannedQuery plan = planner.plan(new QueryText(sql, 1, 1), sql, PlanMode.STANDING);
    Circuit c = plan.circuit().instantiate(new ParamContext(planner.typeFactory(), List.of(), 0));
    Map<Row, Long> out = new HashMap<>();
    c.open(b -> {
      for (int r = 0; r < b.size(); r++) {
        out.merge(Row.from(b, r), b.weight(r), (x, y) -> x + y == 0 ? null : x + y);
      }
    });
    BatchBuilder in = new BatchBuilder(BIDS);
    for (int i = 0; i < rows.size(); i++) {
      in.addRow(rows.get(i), weights.get(i));
    }
    c.push(0, in.build());
    return out;
  }

  @Test
  void filterProjectAggregate() {
    Map<Row, Long> out = run(
        "SELECT auction, COUNT(*) AS n, SUM(price) AS total, MAX(bidder) AS b FROM bids WHERE price > 10 GROUP BY auction",
        List.of(new Object[] {1L, 20L, "x"}, new Object[] {1L, 30L, "y"}, new Object[] {2L, 5L, "z"},
            new Object[] {2L, 50L, null}),
        List.of(1L, 1L, 1L, 1L));
    // A stream never retracts, so the planner may keep only the extreme for MAX.
    assertEquals(Map.of(Row.of(1L, 2L, 50L, "y"), 1L, Row.of(2L, 1L, 50L, null), 1L), out);
  }

  @Test
  void expressionsCompileWithCalciteSemantics() {
    Map<Row, Long> out = run(
        "SELECT UPPER(bidder) AS u, price * 2 + 1 AS p, CASE WHEN price > 10 THEN 'hi' ELSE 'lo' END AS c, "
            + "COALESCE(bidder, 'none') AS d FROM bids",
        List.of(new Object[] {1L, 20L, "ab"}, new Object[] {1L, 3L, null}), List.of(1L, 2L));
    assertEquals(Map.of(Row.of("AB", 41L, "hi", "ab"), 1L, Row.of(null, 7L, "lo", "none"), 2L), out);
  }

  @Test
  void unknownColumnIsPositionedWithHint() {
    EddyException e = assertThrows(EddyException.class, () -> run("SELECT prize\nFROM bids", List.of(), List.of()));
    assertEquals(ErrorCode.NOT_FOUND, e.code());
    assertEquals(1, e.span().line());
    assertEquals(8, e.span().column());
    assertTrue(e.getMessage().contains("prize"), e.getMessage());
  }
}
