package io.eddy.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Inner joins of three or more inputs are ordered so that connected inputs join before any cross product. */
class JoinOrderTest {
  private static final int TABLES = 64;

  private final Catalog catalog = catalog();

  private static Catalog catalog() {
    Catalog c = Catalog.EMPTY;
    for (int i = 1; i <= TABLES; i++) {
      c = c.with(new StreamDef("t" + i, type(i), -1, 0, 1, Map.of(), null, "CREATE STREAM t" + i + " (...)"));
    }
    return c;
  }

  private static RowType type(int table) {
    return new RowType(List.of(
        new Column("a" + table, SqlType.of(TypeKind.BIGINT)),
        new Column("b" + table, SqlType.of(TypeKind.BIGINT))));
  }

  private PlannedQuery plan(String sql) {
    return new QueryPlanner(catalog).plan(new QueryText(sql, 1, 1), sql, PlanMode.STANDING);
  }

  private static List<String> joinConditions(PlannedQuery plan) {
    Matcher m = Pattern.compile("LogicalJoin\\(condition=\\[(.*?)\\], joinType").matcher(plan.logicalPlan());
    List<String> conditions = new ArrayList<>();
    while (m.find()) {
      conditions.add(m.group(1));
    }
    return conditions;
  }

  @Test
  void writtenOrderThatWouldCrossTwoInputsJoinsThroughTheConnectingOne() {
    PlannedQuery plan = plan("SELECT a1, b2, a3 FROM t1, t2, t3 WHERE a1 = a3 AND b2 = b3");
    List<String> conditions = joinConditions(plan);
    assertEquals(2, conditions.size(), plan.logicalPlan());
    assertFalse(conditions.contains("true"), plan.logicalPlan());

    Map<Row, Long> out = run(plan, Map.of(
        "t1", rows(new Object[] {1L, 0L}, new Object[] {2L, 0L}),
        "t2", rows(new Object[] {0L, 10L}, new Object[] {0L, 20L}),
        "t3", rows(new Object[] {1L, 10L}, new Object[] {2L, 30L})));
    // columns in the written order (a1, b2, a3), whatever order the inputs were joined in
    assertEquals(Map.of(Row.of(1L, 10L, 1L), 1L), out);
  }

  @Test
  void inputsNoConditionConnectsAreCrossedLastAsWholeGroups() {
    // t4 (written first) and the group t1-t2-t3 share no condition: the product is the top join
    PlannedQuery plan = plan("SELECT a4, a1, b3 FROM t4, t1, t2, t3 WHERE a1 = a2 AND b2 = b3 AND b4 = 5");
    List<String> conditions = joinConditions(plan);
    assertEquals(List.of("true"), conditions.subList(0, 1), plan.logicalPlan());
    assertFalse(conditions.subList(1, conditions.size()).contains("true"), plan.logicalPlan());

    Map<Row, Long> out = run(plan, Map.of(
        "t4", rows(new Object[] {7L, 5L}, new Object[] {8L, 6L}),
        "t1", rows(new Object[] {1L, 0L}, new Object[] {2L, 0L}),
        "t2", rows(new Object[] {1L, 10L}, new Object[] {3L, 10L}),
        "t3", rows(new Object[] {0L, 10L})));
    assertEquals(Map.of(Row.of(7L, 1L, 10L), 1L), out);
  }

  @Test
  void sixtyFourShuffledInputsOfAChainJoinWithoutACrossProduct() {
    List<Integer> order = IntStream.rangeClosed(1, TABLES).boxed().collect(Collectors.toList());
    Collections.shuffle(order, new Random(7));
    String from = order.stream().map(i -> "t" + i).collect(Collectors.joining(", "));
    String where = IntStream.range(1, TABLES).mapToObj(i -> "b" + i + " = a" + (i + 1))
        .collect(Collectors.joining(" AND "));
    PlannedQuery plan = plan("SELECT a1, b" + TABLES + " FROM " + from + " WHERE " + where);
    List<String> conditions = joinConditions(plan);
    assertEquals(TABLES - 1, conditions.size());
    assertFalse(conditions.contains("true"), plan.logicalPlan());
  }

  /** Runs {@code plan}'s circuit on one batch per source (in no particular order); the integrated output. */
  private Map<Row, Long> run(PlannedQuery plan, Map<String, io.eddy.exec.batch.ZBatch> inputs) {
    Circuit c = plan.circuit().instantiate(new ParamContext(new QueryPlanner(catalog).typeFactory(), List.of(), 0));
    Map<Row, Long> out = new HashMap<>();
    c.open(b -> {
      for (int r = 0; r < b.size(); r++) {
        out.merge(Row.from(b, r), b.weight(r), Long::sum);
      }
    });
    List<String> sources = plan.circuit().sourceNames();
    inputs.forEach((source, batch) -> c.push(sources.indexOf(source), batch));
    return out;
  }

  private static io.eddy.exec.batch.ZBatch rows(Object[]... rows) {
    BatchBuilder b = new BatchBuilder(type(0));
    for (Object[] r : rows) {
      b.addRow(r, 1);
    }
    return b.build();
  }
}
