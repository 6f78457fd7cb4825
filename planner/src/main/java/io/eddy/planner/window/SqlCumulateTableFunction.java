package io.eddy.planner.window;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlHopTableFunction;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.type.SqlOperandMetadata;

/**
 * Flink's {@code CUMULATE(data, DESCRIPTOR(timecol), step, size [, offset])} window table
 * function, which Calcite lacks. Its operands are checked as HOP's (a table, a time column
 * descriptor, two or three intervals); only the parameter names differ (STEP instead of SLIDE).
 */
public final class SqlCumulateTableFunction extends SqlWindowTableFunction {
  public static final SqlCumulateTableFunction INSTANCE = new SqlCumulateTableFunction();

  private SqlCumulateTableFunction() {
    super("CUMULATE", new Operands((SqlOperandMetadata) new SqlHopTableFunction().getOperandTypeChecker()));
  }

  /** HOP's operand checks under CUMULATE's parameter names. */
  private record Operands(SqlOperandMetadata hop) implements SqlOperandMetadata {
    @Override
    public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
      return hop.paramTypes(typeFactory);
    }

    @Override
    public List<String> paramNames() {
      return List.of("DATA", "TIMECOL", "STEP", "SIZE", "OFFSET");
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      return hop.checkOperandTypes(binding, throwOnFailure);
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return hop.getOperandCountRange();
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      return opName + "(TABLE table_name, DESCRIPTOR(timecol), datetime interval step, datetime interval size"
          + "[, datetime interval offset])";
    }

    @Override
    public boolean isOptional(int i) {
      return hop.isOptional(i);
    }
  }
}
