package io.eddy.planner.translate;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.RowType;
import io.eddy.exec.operator.SortKey;
import io.eddy.exec.operator.TopNOperator;
import io.eddy.planner.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates TOP-N shapes into a {@link TopNOperator}: {@code ORDER BY ... LIMIT n [OFFSET m]}
 * (a {@link Sort} with a fetch) keeps the top rows; {@code ROW_NUMBER() OVER (PARTITION BY ...
 * ORDER BY ...)} (a {@link Window} with one ROW_NUMBER, RANK or DENSE_RANK) numbers each
 * partition's rows, and when the Calc above filters {@code rn <= n}, {@code rn < n} or
 * {@code rn = n}, only the rows numbered up to n are output (with ties for RANK and DENSE_RANK;
 * the Calc still applies its whole condition).
 */
final class TopNTranslator {
  private final CircuitPlan.Builder b;
  private final ToIntFunction<RelNode> visitor;

  TopNTranslator(CircuitPlan.Builder b, ToIntFunction<RelNode> visitor) {
    this.b = b;
    this.visitor = visitor;
  }

  int sort(Sort sort) {
    int input = visitor.applyAsInt(sort.getInput());
    RowType out = TypeMapping.toEddyRow(sort.getRowType());
    List<SortKey> keys = sortKeys(sort.getCollation());
    long offset = literal(sort.offset, 0);
    long fetch = literal(sort.fetch, Long.MAX_VALUE);
    return b.add(ctx -> new TopNOperator(out, new int[0], keys, offset, fetch, false), out, input);
  }

  /** Whether {@code window} computes one ROW_NUMBER, RANK or DENSE_RANK (and nothing else). */
  static boolean isRanking(Window window) {
    return window.groups.size() == 1 && window.groups.get(0).aggCalls.size() == 1
        && numbering(window.groups.get(0).aggCalls.get(0).getKind()) != null;
  }

  private static TopNOperator.Numbering numbering(SqlKind kind) {
    return switch (kind) {
      case ROW_NUMBER -> TopNOperator.Numbering.ROW_NUMBER;
      case RANK -> TopNOperator.Numbering.RANK;
      case DENSE_RANK -> TopNOperator.Numbering.DENSE_RANK;
      default -> null;
    };
  }

  /**
   * A {@link #isRanking ranking} window; {@code limit} from the filter above, or
   * {@link Long#MAX_VALUE} (then every row is numbered: each change renumbers its partition).
   */
  int window(Window window, long limit) {
    if (!isRanking(window)) {
      throw new EddyException(ErrorCode.UNSUPPORTED,
          "window functions other than one ROW_NUMBER(), RANK() or DENSE_RANK() OVER (...) are not supported yet");
    }
    Window.Group group = window.groups.get(0);
    TopNOperator.Numbering numbering = numbering(group.aggCalls.get(0).getKind());
    int input = visitor.applyAsInt(window.getInput());
    RowType out = TypeMapping.toEddyRow(window.getRowType());
    int[] partition = group.keys.toArray();
    List<SortKey> keys = sortKeys(group.orderKeys);
    return b.add(ctx -> new TopNOperator(out, partition, keys, 0, limit, numbering), out, input);
  }

  /** The bound a Calc over {@code window} puts on its ROW_NUMBER column, or {@link Long#MAX_VALUE}. */
  static long limitAbove(Calc calc, Window window) {
    RexProgram program = calc.getProgram();
    if (program.getCondition() == null) {
      return Long.MAX_VALUE;
    }
    int rn = window.getRowType().getFieldCount() - 1;
    long limit = Long.MAX_VALUE;
    for (RexNode c : RelOptUtil.conjunctions(program.expandLocalRef(program.getCondition()))) {
      if (c instanceof RexCall call && call.getOperands().size() == 2) {
        RexNode a = call.getOperands().get(0);
        RexNode v = call.getOperands().get(1);
        SqlKind kind = call.getKind();
        if (v instanceof RexInputRef && a instanceof RexLiteral) {
          RexNode t = a;
          a = v;
          v = t;
          kind = kind.reverse();
        }
        if (a instanceof RexInputRef ref && ref.getIndex() == rn && v instanceof RexLiteral lit) {
          Long n = lit.getValueAs(Long.class);
          long bound = n == null ? Long.MAX_VALUE : switch (kind) {
            case LESS_THAN_OR_EQUAL, EQUALS -> Math.max(n, 0);
            case LESS_THAN -> Math.max(n - 1, 0);
            default -> Long.MAX_VALUE;
          };
          limit = Math.min(limit, bound);
        }
      }
    }
    return limit;
  }

  static List<SortKey> sortKeys(RelCollation collation) {
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation f : collation.getFieldCollations()) {
      boolean desc = f.getDirection().isDescending();
      boolean nullsFirst = f.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED ? desc
          : f.nullDirection == RelFieldCollation.NullDirection.FIRST;
      keys.add(new SortKey(f.getFieldIndex(), desc, nullsFirst));
    }
    return keys;
  }

  private static long literal(RexNode n, long dflt) {
    if (n == null) {
      return dflt;
    }
    if (n instanceof RexLiteral l) {
      return l.getValueAs(Long.class);
    }
    throw new EddyException(ErrorCode.UNSUPPORTED, "LIMIT and OFFSET must be constants");
  }
}
