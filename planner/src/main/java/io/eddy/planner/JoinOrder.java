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
 * has no cardinality to estimate). The inputs fall into groups that join conditions connect; each
 * group becomes a left-deep tree that starts with its first written input and adds, each time,
 * the first written one a condition connects to the inputs joined so far; the groups, which no
 * condition connects, are then joined by cartesian products, last, in the order of their first
 * inputs (a product early on would carry its rows through every later join). Each condition is
 * applied at the first join where all its inputs are present. A projection restores the written
 * column order (the {@code MultiJoin}'s projected-field hints are left to the later project rules).
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
    boolean[] applied = new boolean[conditions.size()];
    int base = 0;
    List<BitSet> components = components(n, uses);
    for (int k = 0; k < components.size(); k++) {
      BitSet component = components.get(k);
      // written field index -> position in this component's subtree
      int[] local = new int[total];
      BitSet joined = new BitSet(n);
      int width = 0;
      for (int step = 0; step < component.cardinality(); step++) {
        int next = step == 0 ? component.nextSetBit(0) : nextInput(joined, component, uses, applied);
        for (int f = offsets[next]; f < offsets[next + 1]; f++) {
          local[f] = width + f - offsets[next];
          toOrdered[f] = base + local[f];
        }
        width += offsets[next + 1] - offsets[next];
        joined.set(next);
        builder.push(inputs.get(next));
        List<RexNode> now = new ArrayList<>();
        for (int c = 0; c < conditions.size(); c++) {
          if (!applied[c] && contains(joined, uses.get(c))) {
            applied[c] = true;
            now.add(conditions.get(c).accept(new Renumber(local)));
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
      if (k > 0) {
        // inputs no condition connects: a cartesian product, of whole components, last
        builder.join(JoinRelType.INNER, builder.literal(true));
      }
      base += width;
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
   * The inputs grouped by the conditions that connect them (a condition on several inputs puts
   * them in one group), each group in written order, the groups in the order of their first input.
   */
  private static List<BitSet> components(int n, List<BitSet> uses) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (BitSet u : uses) {
      int first = u.nextSetBit(0);
      for (int i = u.nextSetBit(first + 1); first >= 0 && i >= 0; i = u.nextSetBit(i + 1)) {
        parent[root(parent, i)] = root(parent, first);
      }
    }
    List<BitSet> components = new ArrayList<>();
    int[] index = new int[n];
    java.util.Arrays.fill(index, -1);
    for (int i = 0; i < n; i++) {
      int r = root(parent, i);
      if (index[r] < 0) {
        index[r] = components.size();
        components.add(new BitSet(n));
      }
      components.get(index[r]).set(i);
    }
    return components;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /**
   * The first written input of {@code component} not yet joined that a pending condition connects
   * to the joined ones (and uses nothing else not yet joined); its first one not yet joined when
   * none is (a condition on three or more inputs connects only once two of them are joined).
   */
  private static int nextInput(BitSet joined, BitSet component, List<BitSet> uses, boolean[] applied) {
    int firstFree = -1;
    for (int i = component.nextSetBit(0); i >= 0; i = component.nextSetBit(i + 1)) {
      if (joined.get(i)) {
        continue;
      }
      firstFree = firstFree < 0 ? i : firstFree;
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
    BitSet rest = notJoined(joined, uses);
    rest.clear(input);
    return rest.isEmpty();
  }

  private static boolean contains(BitSet joined, BitSet uses) {
    return notJoined(joined, uses).isEmpty();
  }

  /** The inputs of {@code uses} not in {@code joined} (a new set). */
  private static BitSet notJoined(BitSet joined, BitSet uses) {
    BitSet rest = (BitSet) uses.clone();
    rest.andNot(joined);
    return rest;
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
