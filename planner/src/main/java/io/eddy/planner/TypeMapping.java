package io.eddy.planner;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between Eddy's {@link SqlType} and Calcite's {@link RelDataType}. */
public final class TypeMapping {
  private TypeMapping() {}

  public static RelDataType toRel(RelDataTypeFactory f, SqlType t) {
    RelDataType base = switch (t.kind()) {
      case BOOLEAN -> f.createSqlType(SqlTypeName.BOOLEAN);
      case INT -> f.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
      case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale());
      case VARCHAR -> t.precision() > 0 ? f.createSqlType(SqlTypeName.VARCHAR, t.precision())
          : f.createSqlType(SqlTypeName.VARCHAR);
      case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, t.precision());
      case DATE -> f.createSqlType(SqlTypeName.DATE);
    };
    return f.createTypeWithNullability(base, t.nullable());
  }

  public static RelDataType toRel(RelDataTypeFactory f, RowType row) {
    RelDataTypeFactory.Builder b = f.builder();
    for (Column c : row.columns()) {
      b.add(c.name(), toRel(f, c.type()));
    }
    return b.build();
  }

  /** The Eddy type that stores values of a Calcite type, or an UNSUPPORTED error. */
  public static SqlType toEddy(RelDataType t) {
    boolean n = t.isNullable();
    SqlType s = switch (t.getSqlTypeName()) {
      case BOOLEAN -> SqlType.of(TypeKind.BOOLEAN);
      case TINYINT, SMALLINT, INTEGER -> SqlType.of(TypeKind.INT);
      case BIGINT -> SqlType.of(TypeKind.BIGINT);
      case FLOAT, REAL, DOUBLE -> SqlType.of(TypeKind.DOUBLE);
      case DECIMAL -> SqlType.decimal(Math.max(1, t.getPrecision()), Math.max(0, t.getScale()));
      case CHAR, VARCHAR -> new SqlType(TypeKind.VARCHAR, -1, 0, true);
      case TIMESTAMP -> new SqlType(TypeKind.TIMESTAMP, 3, 0, true);
      case DATE -> SqlType.of(TypeKind.DATE);
      case NULL -> SqlType.of(TypeKind.VARCHAR);
      default -> throw new EddyException(ErrorCode.UNSUPPORTED,
          "values of type " + t.getFullTypeString() + " cannot be stored in a result yet");
    };
    return s.withNullable(n);
  }

  public static RowType toEddyRow(RelDataType row) {
    List<Column> cols = new ArrayList<>();
    for (RelDataTypeField f : row.getFieldList()) {
      cols.add(new Column(f.getName(), toEddy(f.getType())));
    }
    return new RowType(cols);
  }
}
