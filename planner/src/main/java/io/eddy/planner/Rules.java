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
    planner.setRoot(rel);
    return planner.findBestExp();
  }

  static RelNode optimize(RelNode rel) {
    HepProgram program = new HepProgramBuilder()
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleInstance(CoreRules.AGGREGATE_REDUCE_FUNCTIONS)
        .addRuleCollection(LOGICAL)
        .addRuleCollection(CALC)
        .build();
    HepPlanner planner = new HepPlanner(program);
    planner.setRoot(rel);
    return planner.findBestExp();
  }
}
