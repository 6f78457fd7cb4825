package io.eddy.planner;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Orders the inputs of an inner-join {@link MultiJoin} greedily, without cost estimates (a stream
 * has no cardinality to estimate): the first written input starts the tree, and each next input is
 * the first written one that a join condition connects to the inputs joined so far; only when no
 * remaining input is connected does a cartesian product join the first remaining one. Each
 * condition is applied at the first join where all its inputs are present. The result is a
 * left-deep tree followed by a projection that restores the written column order (the
 * {@code MultiJoin}'s projected-field hints are left to the later project rules).
 *
 * <p>This is linear in the number of conditions per step (quadratic overall), so a FROM list of 64
 * tables plans in milliseconds, where Calcite's cost-based {@code LoptOptimizeJoinRule} recursed
 * for minutes; and it is predictable: connected inputs keep their written order.
 */
final class JoinOrder extends RelHomogeneousShuttle {
  private final RelBuilder builder;

  private JoinOrder(RelBuilder builder) {
    this.builder = builder;
  }

  /** {@code rel} with every ordinary inner {@link MultiJoin} in it replaced by ordered joins. */
  static RelNode apply(RelNode rel) {
    return rel.accept(new JoinOrder(RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null)));
  }

  @Override
  public RelNode visit(RelNode node) {
    RelNode visited = super.visit(node);
    return visited instanceof MultiJoin mj && orderable(mj) ? order(mj) : visited;
  }

  private static boolean orderable(MultiJoin mj) {
    return !mj.isFullOuterJoin()
        && mj.getJoinTypes().stream().allMatch(t -> t == JoinRelType.INNER)
        && mj.getOuterJoinConditions().stream().allMatch(c -> c == null);
  }

  private RelNode order(MultiJoin mj) {
    List<RelNode> inputs = mj.getInputs();
    int n = inputs.size();
    int[] offsets = new int[n + 1];
    for (int i = 0; i < n; i++) {
      offsets[i + 1] = offsets[i] + inputs.get(i).getRowType().getFieldCount();
    }
    List<RexNode> conditions = RelOptUtil.conjunctions(mj.getJoinFilter());
    List<BitSet> uses = new ArrayList<>();
    for (RexNode c : conditions) {
      uses.add(inputsOf(c, offsets));
    }

    // written field index -> position in the ordered join's output
    int total = offsets[n];
    int[] toOrdered = new int[total];
    BitSet joined = new BitSet(n);
    boolean[] applied = new boolean[conditions.size()];
    int width = 0;
    for (int step = 0; step < n; step++) {
      int next = step == 0 ? 0 : nextInput(joined, uses, applied, n);
      for (int f = offsets[next]; f < offsets[next + 1]; f++) {
        toOrdered[f] = width + f - offsets[next];
      }
      width += offsets[next + 1] - offsets[next];
      joined.set(next);
      builder.push(inputs.get(next));
      List<RexNode> now = new ArrayList<>();
      for (int c = 0; c < conditions.size(); c++) {
        if (!applied[c] && contains(joined, uses.get(c))) {
          applied[c] = true;
          now.add(conditions.get(c).accept(new Renumber(toOrdered)));
        }
      }
      if (step == 0) {
        if (!now.isEmpty()) {
          builder.filter(now);
        }
      } else {
        builder.join(JoinRelType.INNER, RexUtil.composeConjunction(rexBuilder(mj), now));
      }
    }
    RexBuilder rex = rexBuilder(mj);
    List<RexNode> written = new ArrayList<>(total);
    for (int f = 0; f < total; f++) {
      written.add(rex.makeInputRef(builder.peek(), toOrdered[f]));
    }
    builder.project(written, mj.getRowType().getFieldNames(), true);
    if (mj.getPostJoinFilter() != null) {
      builder.filter(mj.getPostJoinFilter());
    }
    return builder.build();
  }

  /**
   * The first written input not yet joined that a pending condition connects to the joined ones
   * (and uses nothing else not yet joined); the first one not yet joined when none is connected.
   */
  private static int nextInput(BitSet joined, List<BitSet> uses, boolean[] applied, int n) {
    int firstFree = joined.nextClearBit(0);
    for (int i = firstFree; i < n; i = joined.nextClearBit(i + 1)) {
      for (int c = 0; c < uses.size(); c++) {
        BitSet u = uses.get(c);
        if (!applied[c] && u.get(i) && u.intersects(joined) && onlyAdds(joined, u, i)) {
          return i;
        }
      }
    }
    return firstFree;
  }

  /** Whether {@code uses} is within {@code joined} plus {@code input}. */
  private static boolean onlyAdds(BitSet joined, BitSet uses, int input) {
    BitSet rest = (BitSet) uses.clone();
    rest.andNot(joined);
    rest.clear(input);
    return rest.isEmpty();
  }

  private static boolean contains(BitSet joined, BitSet uses) {
    BitSet rest = (BitSet) uses.clone();
    rest.andNot(joined);
    return rest.isEmpty();
  }

  private static BitSet inputsOf(RexNode condition, int[] offsets) {
    BitSet inputs = new BitSet();
    for (int field : ImmutableBitSet.of(RelOptUtil.InputFinder.bits(condition))) {
      int i = 0;
      while (offsets[i + 1] <= field) {
        i++;
      }
      inputs.set(i);
    }
    return inputs;
  }

  private static RexBuilder rexBuilder(MultiJoin mj) {
    return mj.getCluster().getRexBuilder();
  }

  /** Renumbers input references from the written field order to the ordered one. */
  private static final class Renumber extends RexShuttle {
    private final int[] toOrdered;

    Renumber(int[] toOrdered) {
      this.toOrdered = toOrdered;
    }

    @Override
    public RexNode visitInputRef(RexInputRef ref) {
      return new RexInputRef(toOrdered[ref.getIndex()], ref.getType());
    }
  }
}
