package io.eddy.planner;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Refuses CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIME and the like in standing queries: their value
 * depends on when a row happens to be processed, so a view's contents would not equal any batch
 * query over its rows. Snapshots evaluate them once, at the statement's start.
 */
final class DynamicFunctions {
  private DynamicFunctions() {}

  static void refuseIn(RelNode rel) {
    RexShuttle check = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        if (call.getOperator().isDynamicFunction()) {
          throw new EddyException(ErrorCode.VALIDATION, call.getOperator().getName()
              + " is not allowed in a view or subscription: its value depends on when each row is processed")
              .withHint("compare with the rows' own event time, or use it in a one-shot SELECT");
        }
        return super.visitCall(call);
      }
    };
    new RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, RelNode parent) {
        node.accept(check);
        super.visit(node, ordinal, parent);
      }
    }.go(rel);
  }
}
