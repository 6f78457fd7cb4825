package io.eddy.planner.translate;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.operator.ArrangeOperator;
import io.eddy.exec.operator.JoinKeys;
import io.eddy.exec.operator.JoinOperator;
import io.eddy.exec.operator.JoinRange;
import io.eddy.exec.operator.JoinType;
import io.eddy.exec.operator.TimeBound;
import io.eddy.planner.TypeMapping;
import io.eddy.planner.codegen.CalcCompiler;
import io.eddy.planner.window.ColumnFacts;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates a {@link Join} into a {@link JoinOperator}: the equi-keys come from Calcite's
 * {@link JoinInfo} ({@code =} excludes NULLs, {@code IS NOT DISTINCT FROM} matches them), the rest
 * of the condition is compiled as a residual {@link io.eddy.exec.operator.BatchCalc} over
 * {@link JoinOperator#pairType} rows that outputs the numbers of the pairs it keeps. When the
 * condition bounds the distance between two event-time columns ({@link IntervalBounds}: interval
 * and window joins) the operator gets that {@link TimeBound} and frees state by the watermark.
 */
final class JoinTranslator {
  private final CircuitPlan.Builder b;
  private final CalcCompiler compiler;
  private final BitSet insertOnly;
  private final ColumnFacts facts;
  private final ToIntFunction<org.apache.calcite.rel.RelNode> visitor;
  /** Arrangements made so far, by input node, key columns and NULL matching. */
  private final java.util.Map<String, Integer> arrangements = new java.util.HashMap<>();

  /** {@code visitor} translates an input and returns its node; {@code insertOnly} is shared with it. */
  JoinTranslator(CircuitPlan.Builder b, CalcCompiler compiler, BitSet insertOnly, ColumnFacts facts,
      ToIntFunction<org.apache.calcite.rel.RelNode> visitor) {
    this.b = b;
    this.compiler = compiler;
    this.insertOnly = insertOnly;
    this.facts = facts;
    this.visitor = visitor;
  }

  int join(Join join) {
    JoinType type = type(join);
    int left = visitor.applyAsInt(join.getLeft());
    int right = visitor.applyAsInt(join.getRight());
    RowType leftType = b.typeOf(left);
    RowType rightType = b.typeOf(right);
    RowType out = TypeMapping.toEddyRow(join.getRowType());
    JoinInfo info = JoinInfo.of(join.getLeft(), join.getRight(), join.getCondition());
    boolean[] nullsEqual = new boolean[info.leftKeys.size()];
    for (int i = 0; i < nullsEqual.length; i++) {
      nullsEqual[i] = !info.nullExclusionFlags.get(i);
    }
    JoinKeys keys = new JoinKeys(info.leftKeys.toIntArray(), info.rightKeys.toIntArray(), nullsEqual);
    RexBuilder rex = join.getCluster().getRexBuilder();
    RexNode remaining = info.getRemaining(rex);
    CalcCompiler.Compiled residual = remaining.isAlwaysTrue() ? null
        : compiler.compile(residualProgram(join, remaining, rex), JoinOperator.pairType(leftType, rightType),
            TypeMapping.toEddyRow(pairNumberType(join.getCluster().getTypeFactory())));
    String text = remaining.toString();
    List<SqlTypeName> columnTypes = new ArrayList<>();
    join.getLeft().getRowType().getFieldList().forEach(f -> columnTypes.add(f.getType().getSqlTypeName()));
    join.getRight().getRowType().getFieldList().forEach(f -> columnTypes.add(f.getType().getSqlTypeName()));
    TimeBound bound = IntervalBounds.of(info, remaining, leftType.size(), left, right, facts, columnTypes);
    JoinRange range = residual == null ? null : range(remaining, leftType, rightType);
    // a probe reads a shared arrangement's rows of a key without the range's test: keep own indexes
    boolean shareable = bound == null && range == null;
    int leftInput = shareable && !type.tracksMatches(0) ? arrangement(left, keys.columns(0), nullsEqual) : left;
    int rightInput = shareable && !type.tracksMatches(1) ? arrangement(right, keys.columns(1), nullsEqual) : right;
    int leftCount = leftType.size();
    int pairWidth = leftCount + rightType.size();
    java.util.BitSet conditionColumns = RelOptUtil.InputFinder.bits(join.getCondition()).toBitSet();
    CircuitPlan.Reads reads = demanded -> { // the condition's columns, and those the output passes on
      demanded.or(conditionColumns);
      return new java.util.BitSet[] {demanded.get(0, leftCount), demanded.get(leftCount, pairWidth)};
    };
    boolean[] insertOnlySides = {insertOnly.get(left), insertOnly.get(right)};
    int node = b.addReading(ctx -> new JoinOperator(leftType, rightType, keys, type,
        residual == null ? null : residual.instantiate(ctx), text, out, bound, range, insertOnlySides,
        conditionColumns),
        out, reads, leftInput, rightInput);
    insertOnly.set(node, type.preservesInsertOnly() && insertOnly.get(left) && insertOnly.get(right));
    if (bound != null) {
      // the join holds its output watermark back so that the time columns of freed sides stay event time
      if (bound.frees(0)) {
        facts.eventTime(node, bound.leftColumn());
      }
      if (type.emitsPairs() && bound.frees(1)) {
        facts.eventTime(node, leftType.size() + bound.rightColumn());
      }
    }
    return node;
  }

  /**
   * The arrangement of {@code node} by {@code columns}: one per node and key columns, shared by
   * every join input that indexes the same rows the same way (the plan drops it when only one does).
   */
  private int arrangement(int node, int[] columns, boolean[] nullsEqual) {
    String key = node + ":" + java.util.Arrays.toString(columns) + ":" + java.util.Arrays.toString(nullsEqual);
    RowType type = b.typeOf(node);
    return arrangements.computeIfAbsent(key,
        k -> b.addShared(ctx -> new ArrangeOperator(type, columns, nullsEqual), node, ImmutableBitSet.of(columns).toBitSet()));
  }

  /**
   * The first conjunct of {@code condition} that compares a left column with a right column of
   * one {@link JoinRange#ORDERED} kind ({@code <, <=, >, >=}), or null: the join's probes test it
   * on stored rows before pairing them.
   */
  static JoinRange range(RexNode condition, RowType leftType, RowType rightType) {
    int leftCount = leftType.size();
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      JoinRange.Op op = switch (c.getKind()) {
        case LESS_THAN -> JoinRange.Op.LT;
        case LESS_THAN_OR_EQUAL -> JoinRange.Op.LE;
        case GREATER_THAN -> JoinRange.Op.GT;
        case GREATER_THAN_OR_EQUAL -> JoinRange.Op.GE;
        default -> null;
      };
      if (op == null || !(((RexCall) c).getOperands().get(0) instanceof RexInputRef a)
          || !(((RexCall) c).getOperands().get(1) instanceof RexInputRef z)) {
        continue;
      }
      JoinRange r = a.getIndex() < leftCount && z.getIndex() >= leftCount
          ? new JoinRange(a.getIndex(), op, z.getIndex() - leftCount)
          : z.getIndex() < leftCount && a.getIndex() >= leftCount
          ? new JoinRange(z.getIndex(), op.flipped(), a.getIndex() - leftCount) : null;
      if (r != null) {
        TypeKind l = leftType.columns().get(r.leftColumn()).type().kind();
        if (l == rightType.columns().get(r.rightColumn()).type().kind() && JoinRange.ORDERED.contains(l)) {
          return r;
        }
      }
    }
    return null;
  }

  private static JoinType type(Join join) {
    return switch (join.getJoinType()) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.RIGHT;
      case FULL -> JoinType.FULL;
      case SEMI -> JoinType.SEMI;
      case ANTI -> JoinType.ANTI;
      default -> throw new EddyException(ErrorCode.UNSUPPORTED,
          join.getJoinType() + " joins are not supported yet");
    };
  }

  /** Keeps the pairs where {@code condition} is TRUE; outputs their pair number. */
  private static RexProgram residualProgram(Join join, RexNode condition, RexBuilder rex) {
    RelDataTypeFactory tf = join.getCluster().getTypeFactory();
    List<RelDataType> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<RelDataTypeField> fields = new ArrayList<>(join.getLeft().getRowType().getFieldList());
    fields.addAll(join.getRight().getRowType().getFieldList());
    for (RelDataTypeField f : fields) {
      types.add(f.getType());
      names.add("f" + names.size());
    }
    types.add(tf.createSqlType(SqlTypeName.BIGINT));
    names.add("$pair");
    RelDataType input = tf.createStructType(types, names);
    RexProgramBuilder p = new RexProgramBuilder(input, rex);
    p.addCondition(condition);
    p.addProject(rex.makeInputRef(input, types.size() - 1), "$pair");
    return p.getProgram();
  }

  private static RelDataType pairNumberType(RelDataTypeFactory tf) {
    return tf.createStructType(List.of(tf.createSqlType(SqlTypeName.BIGINT)), List.of("$pair"));
  }
}
