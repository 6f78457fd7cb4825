package io.eddy.planner;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Eddy's type rules where they differ from Calcite's defaults, chosen to match what users of
 * mainstream databases expect (and what the DuckDB oracle computes): SUM of an exact integer is
 * BIGINT, SUM of a DECIMAL keeps its scale at the widest precision, AVG of an exact integer is
 * DOUBLE.
 */
public final class EddyTypeSystem extends RelDataTypeSystemImpl {
  public static final EddyTypeSystem INSTANCE = new EddyTypeSystem();

  private EddyTypeSystem() {}

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType arg) {
    if (SqlTypeUtil.isExactNumeric(arg) && arg.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), arg.isNullable());
    }
    if (arg.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return f.createTypeWithNullability(
          f.createSqlType(SqlTypeName.DECIMAL, 38, arg.getScale()), arg.isNullable());
    }
    if (SqlTypeUtil.isApproximateNumeric(arg)) {
      return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), arg.isNullable());
    }
    return super.deriveSumType(f, arg);
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType arg) {
    if (SqlTypeUtil.isExactNumeric(arg) && arg.getSqlTypeName() != SqlTypeName.DECIMAL
        || SqlTypeUtil.isApproximateNumeric(arg)) {
      return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), arg.isNullable());
    }
    return super.deriveAvgAggType(f, arg);
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxPrecision(typeName);
  }
}
