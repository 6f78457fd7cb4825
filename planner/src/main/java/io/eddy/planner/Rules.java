package io.eddy.planner;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * Eddy's rewrite program, run by Calcite's {@link HepPlanner}: first logical simplification
 * (filters pushed down and merged, projections merged, aggregates reduced to the functions the
 * executor computes), then filters and projections fused into Calc nodes, each compiled to one
 * generated class.
 */
final class Rules {
  private static final List<RelOptRule> LOGICAL = List.of(
      CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW,
      CoreRules.FILTER_INTO_JOIN,
      CoreRules.JOIN_CONDITION_PUSH,
      CoreRules.FILTER_AGGREGATE_TRANSPOSE,
      CoreRules.FILTER_PROJECT_TRANSPOSE,
      CoreRules.FILTER_SET_OP_TRANSPOSE,
      CoreRules.FILTER_MERGE,
      CoreRules.PROJECT_MERGE,
      CoreRules.PROJECT_REMOVE,
      CoreRules.AGGREGATE_PROJECT_MERGE,
      CoreRules.UNION_MERGE,
      CoreRules.PROJECT_REDUCE_EXPRESSIONS,
      CoreRules.FILTER_REDUCE_EXPRESSIONS);

  private static final List<RelOptRule> CALC = List.of(
      CoreRules.FILTER_TO_CALC,
      CoreRules.PROJECT_TO_CALC,
      CoreRules.CALC_MERGE,
      CoreRules.CALC_REMOVE);

  private static final List<RelOptRule> SUB_QUERIES = List.of(
      CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
      CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
      CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);

  private Rules() {}

  /**
   * Rewrites IN, EXISTS and scalar sub-queries into correlates and joins, which
   * {@link org.apache.calcite.sql2rel.RelDecorrelator} then turns into plain (semi/anti) joins.
   */
  static RelNode removeSubQueries(RelNode rel) {
    HepPlanner planner = new HepPlanner(new HepProgramBuilder().addRuleCollection(SUB_QUERIES).build());
    planner.setRoot(ApproxComparisons.normalize(rel));
    return planner.findBestExp();
  }

  static RelNode optimize(RelNode rel) {
    RelNode logical = run(ApproxComparisons.normalize(rel), new HepProgramBuilder()
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleInstance(CoreRules.AGGREGATE_REDUCE_FUNCTIONS)
        .addRuleCollection(LOGICAL)
        .build());
    if (JoinCount.reorderable(logical)) {
      logical = run(JoinOrder.apply(run(logical, new HepProgramBuilder()
          .addMatchOrder(HepMatchOrder.BOTTOM_UP)
          .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
          .addRuleInstance(CoreRules.PROJECT_MULTI_JOIN_MERGE)
          .addRuleInstance(CoreRules.FILTER_MULTI_JOIN_MERGE)
          .build())), new HepProgramBuilder()
          .addMatchOrder(HepMatchOrder.BOTTOM_UP)
          .addRuleCollection(LOGICAL)
          .build());
    }
    return run(logical, new HepProgramBuilder()
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleCollection(CALC)
        .build());
  }

  private static RelNode run(RelNode rel, HepProgram program) {
    HepPlanner planner = new HepPlanner(program);
    planner.setRoot(rel);
    return planner.findBestExp();
  }

  /**
   * Whether {@code rel} joins at least {@link #MIN_REORDERED} inputs with inner joins only. Such
   * joins (typically a comma-separated FROM list with the conditions in WHERE) are flattened into a
   * {@code MultiJoin} and re-ordered by {@link JoinOrder}, which joins inputs connected by a
   * condition before it resorts to a cartesian product: joining them in the written order could
   * build cross products of many tables. Two-input joins, and trees with outer, semi or anti joins,
   * keep the written order.
   */
  private static final class JoinCount extends org.apache.calcite.rel.RelHomogeneousShuttle {
    private static final int MIN_REORDERED = 3;
    private int inner;
    private boolean other;

    static boolean reorderable(RelNode rel) {
      JoinCount c = new JoinCount();
      rel.accept(c);
      return !c.other && c.inner + 1 >= MIN_REORDERED;
    }

    @Override
    public RelNode visit(RelNode node) {
      if (node instanceof org.apache.calcite.rel.core.Join j) {
        if (j.getJoinType() == org.apache.calcite.rel.core.JoinRelType.INNER) {
          inner++;
        } else {
          other = true;
        }
      }
      return super.visit(node);
    }
  }
}
