package io.eddy.planner;

import java.util.function.Function;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexShuttle;

/** Applies one expression rewrite to every expression of every node of a plan. Stateless. */
public final class RexRewrite {
  private RexRewrite() {}

  /** {@code rel} with the shuttle {@code rewrite} makes from the plan's RexBuilder applied to each node, inputs first. */
  public static RelNode everywhere(RelNode rel, Function<RexBuilder, RexShuttle> rewrite) {
    RexShuttle rex = rewrite.apply(rel.getCluster().getRexBuilder());
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        return super.visit(other).accept(rex);
      }
    });
  }
}
