package io.eddy.planner.translate;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;

/**
 * Calcite's sub-query removal turns {@code x [NOT] IN (subquery)} into joins with an aggregate
 * that computes {@code LITERAL_AGG(TRUE)} per group: a constant, not a fold over the rows. This
 * splits such an aggregate into one without the literal calls and a Calc on top that puts each
 * literal back in its column, so the executor never sees LITERAL_AGG.
 */
final class LiteralAggs {
  private LiteralAggs() {}

  /** The rewritten plan, or null when {@code agg} has no LITERAL_AGG call. */
  static RelNode split(Aggregate agg) {
    List<AggregateCall> calls = agg.getAggCallList();
    if (calls.stream().noneMatch(c -> c.getAggregation().getKind() == SqlKind.LITERAL_AGG)) {
      return null;
    }
    RexBuilder rex = agg.getCluster().getRexBuilder();
    List<AggregateCall> kept = new ArrayList<>();
    for (AggregateCall c : calls) {
      if (c.getAggregation().getKind() != SqlKind.LITERAL_AGG) {
        kept.add(c);
      }
    }
    Aggregate inner = agg.copy(agg.getTraitSet(), agg.getInput(), agg.getGroupSet(), agg.getGroupSets(), kept);
    int keys = agg.getGroupCount();
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      projects.add(rex.makeInputRef(inner, i));
    }
    int next = keys;
    for (AggregateCall c : calls) {
      if (c.getAggregation().getKind() == SqlKind.LITERAL_AGG) {
        projects.add(rex.makeCast(c.getType(), c.rexList.get(0), true, false));
      } else {
        projects.add(rex.makeInputRef(inner, next++));
      }
    }
    RexProgram program = RexProgram.create(inner.getRowType(), projects, null, agg.getRowType(), rex);
    return LogicalCalc.create(inner, program);
  }
}
