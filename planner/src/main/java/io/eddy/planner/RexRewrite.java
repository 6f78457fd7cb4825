package io.eddy.planner;

import java.util.function.Function;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/** Applies one expression rewrite (or check) to every expression of every node of a plan. Stateless. */
public final class RexRewrite {
  private RexRewrite() {}

  /**
   * A shuttle that also reaches into sub-query expressions (IN, EXISTS, scalar): after their
   * operands, the relation of each is rewritten by the same plan walk, with this shuttle.
   */
  public abstract static class Deep extends RexShuttle {
    private RelHomogeneousShuttle rels;

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      RexSubQuery visited = (RexSubQuery) super.visitSubQuery(subQuery);
      RelNode rel = visited.rel.accept(rels);
      return rel == visited.rel ? visited : visited.clone(rel);
    }
  }

  /**
   * {@code rel} with the shuttle {@code rewrite} makes from the plan's RexBuilder applied to each
   * node, inputs first (and, for a {@link Deep} shuttle, to the relations inside sub-queries).
   */
  public static RelNode everywhere(RelNode rel, Function<RexBuilder, ? extends RexShuttle> rewrite) {
    RexShuttle rex = rewrite.apply(rel.getCluster().getRexBuilder());
    RelHomogeneousShuttle rels = new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        return super.visit(other).accept(rex);
      }
    };
    if (rex instanceof Deep deep) {
      deep.rels = rels;
    }
    return rel.accept(rels);
  }
}
