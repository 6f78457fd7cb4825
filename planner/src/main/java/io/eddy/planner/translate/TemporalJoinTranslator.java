package io.eddy.planner.translate;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.RowType;
import io.eddy.exec.operator.JoinKeys;
import io.eddy.exec.operator.TemporalJoinOperator;
import io.eddy.planner.TypeMapping;
import io.eddy.planner.catalog.TableDef;
import io.eddy.planner.schema.EddyTable;
import io.eddy.planner.window.ColumnFacts;
import java.util.BitSet;
import java.util.function.ToIntFunction;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Translates {@code s JOIN v FOR SYSTEM_TIME AS OF s.ts ON s.k = v.k}, which Calcite delivers as
 * {@code Correlate(s, Calc|Filter(condition over $cor.*), Snapshot(period=$cor.ts, v))}, into a
 * {@link TemporalJoinOperator}: {@code s.ts} must be the left input's event time, the condition
 * equi-keys only, and {@code v} either a stream with a WATERMARK (its rows are the versions, valid
 * from their event time; insert-only) or a versioned table (a TABLE with a WATERMARK, scanned
 * directly, whose raw changelog of upserts and deletes feeds the join without the upsert operator;
 * the join keys must be its primary key; standing queries only). The join's output is insert-only
 * and carries the left time as event time. Anything else under a Correlate is UNSUPPORTED.
 */
final class TemporalJoinTranslator {
  private final CircuitPlan.Builder b;
  private final BitSet insertOnly;
  private final ColumnFacts facts;
  private final ToIntFunction<RelNode> visitor;
  private final boolean standing;

  TemporalJoinTranslator(CircuitPlan.Builder b, BitSet insertOnly, ColumnFacts facts, ToIntFunction<RelNode> visitor,
      boolean standing) {
    this.b = b;
    this.insertOnly = insertOnly;
    this.facts = facts;
    this.visitor = visitor;
    this.standing = standing;
  }

  int correlate(Correlate c) {
    RelNode right = c.getRight();
    RexNode condition = null;
    if (right instanceof Calc calc && calc.getProgram().projectsOnlyIdentity()) {
      condition = calc.getProgram().getCondition() == null ? null
          : calc.getProgram().expandLocalRef(calc.getProgram().getCondition());
      right = calc.getInput();
    } else if (right instanceof Filter f) {
      condition = f.getCondition();
      right = f.getInput();
    }
    if (!(right instanceof Snapshot snap)) {
      throw unsupported("this correlated sub-query");
    }
    if (!(snap.getPeriod() instanceof RexFieldAccess period
        && period.getReferenceExpr() instanceof RexCorrelVariable v && v.id.equals(c.getCorrelationId()))) {
      throw unsupported("FOR SYSTEM_TIME AS OF anything but a column of the joined stream");
    }
    boolean leftOuter = switch (c.getJoinType()) {
      case INNER -> false;
      case LEFT -> true;
      default -> throw unsupported(c.getJoinType() + " temporal joins");
    };
    int leftArity = c.getLeft().getRowType().getFieldCount();
    int leftTime = period.getField().getIndex();
    int left = visitor.applyAsInt(c.getLeft());
    TableDef table = versionedTable(snap.getInput());
    int versions;
    int rightTime = -1;
    if (table != null) {
      versions = b.source(table.key(), table.rowType());
      rightTime = table.watermarkColumn();
    } else {
      versions = visitor.applyAsInt(snap.getInput());
      for (int col = 0; col < b.typeOf(versions).size() && rightTime < 0; col++) {
        rightTime = facts.isEventTime(versions, col) ? col : -1;
      }
    }
    if (facts.lag(left, leftTime) != 0 || rightTime < 0) {
      throw unsupported("FOR SYSTEM_TIME AS OF without event time on both sides (the AS OF column must be the "
          + "stream's WATERMARK column, and the versioned side a stream or table with a WATERMARK)");
    }
    if (!insertOnly.get(left) || table == null && !insertOnly.get(versions)) {
      throw unsupported("FOR SYSTEM_TIME AS OF over inputs that retract (aggregates, or tables without a WATERMARK)");
    }
    RexNode onCondition = condition == null ? c.getCluster().getRexBuilder().makeLiteral(true)
        : condition.accept(new RexShuttle() {
          @Override
          public RexNode visitFieldAccess(RexFieldAccess access) {
            return access.getReferenceExpr() instanceof RexCorrelVariable
                ? new RexInputRef(access.getField().getIndex(), access.getType()) : super.visitFieldAccess(access);
          }

          @Override
          public RexNode visitInputRef(RexInputRef ref) {
            return new RexInputRef(ref.getIndex() + leftArity, ref.getType());
          }
        });
    JoinInfo info = JoinInfo.of(c.getLeft(), snap, onCondition);
    if (!info.getRemaining(c.getCluster().getRexBuilder()).isAlwaysTrue()) {
      throw unsupported("a temporal join condition other than equalities of columns");
    }
    JoinKeys keys = JoinKeys.of(info.leftKeys.toIntArray(), info.rightKeys.toIntArray());
    if (table != null && !sameColumns(info.rightKeys.toIntArray(), table.primaryKey())) {
      throw unsupported("a temporal join with table " + table.name() + " on columns other than exactly its "
          + "primary key");
    }
    RowType leftType = b.typeOf(left);
    RowType rightType = b.typeOf(versions);
    RowType out = TypeMapping.toEddyRow(c.getRowType());
    int time = rightTime;
    TemporalJoinOperator.Versions kind = table != null ? TemporalJoinOperator.Versions.TABLE
        : TemporalJoinOperator.Versions.STREAM;
    int node = b.add(ctx -> new TemporalJoinOperator(leftType, rightType, keys, leftTime, time, leftOuter, kind, out),
        out, left, versions);
    facts.eventTime(node, leftTime);
    insertOnly.set(node);
    return node;
  }

  /** The versioned table {@code rel} scans directly, or null if it is anything else. */
  private TableDef versionedTable(RelNode rel) {
    EddyTable t = rel instanceof TableScan scan ? scan.getTable().unwrap(EddyTable.class) : null;
    if (t == null || !(t.object() instanceof TableDef def) || !def.versioned()) {
      return null;
    }
    if (!standing) {
      throw new EddyException(ErrorCode.UNSUPPORTED, "a one-shot SELECT cannot read table " + def.name()
          + " FOR SYSTEM_TIME AS OF (its version history lives in its log, read by views)")
          .withHint("CREATE VIEW with the join and select from the view");
    }
    return def;
  }

  private static boolean sameColumns(int[] a, int[] b) {
    return java.util.Arrays.equals(java.util.Arrays.stream(a).sorted().distinct().toArray(),
        java.util.Arrays.stream(b).sorted().toArray());
  }

  private static EddyException unsupported(String what) {
    return new EddyException(ErrorCode.UNSUPPORTED, what + " is not supported yet");
  }
}
