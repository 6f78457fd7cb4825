package io.eddy.jdbc;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.ColumnMetaData.Rep;

/**
 * How Eddy's SQL types look through JDBC. Values are handed to Avatica in the engine's own
 * representation (see {@link TypeKind}) with the matching {@link Rep}, so Avatica's accessors do
 * the conversions: a TIMESTAMP is {@code Long} millis read back as {@link java.sql.Timestamp}, a
 * DATE {@code Integer} days read back as {@link java.sql.Date}.
 */
final class TypeMapping {
  private TypeMapping() {}

  /** The {@link Types} constant of {@code kind}. */
  static int jdbcType(TypeKind kind) {
    return switch (kind) {
      case BOOLEAN -> Types.BOOLEAN;
      case INT -> Types.INTEGER;
      case BIGINT -> Types.BIGINT;
      case DOUBLE -> Types.DOUBLE;
      case DECIMAL -> Types.DECIMAL;
      case VARCHAR -> Types.VARCHAR;
      case TIMESTAMP -> Types.TIMESTAMP;
      case DATE -> Types.DATE;
    };
  }

  /** The SQL name of {@code kind} as DatabaseMetaData and ResultSetMetaData report it. */
  static String typeName(TypeKind kind) {
    return kind == TypeKind.INT ? "INTEGER" : kind.name();
  }

  /** The Java class {@code getObject} returns for {@code kind}. */
  static Class<?> jdbcClass(TypeKind kind) {
    return switch (kind) {
      case BOOLEAN -> Boolean.class;
      case INT -> Integer.class;
      case BIGINT -> Long.class;
      case DOUBLE -> Double.class;
      case DECIMAL -> BigDecimal.class;
      case VARCHAR -> String.class;
      case TIMESTAMP -> java.sql.Timestamp.class;
      case DATE -> java.sql.Date.class;
    };
  }

  /** The representation of the engine's value of {@code kind}. */
  static Rep rep(TypeKind kind) {
    return switch (kind) {
      case BOOLEAN -> Rep.BOOLEAN;
      case INT, DATE -> Rep.INTEGER;
      case BIGINT, TIMESTAMP -> Rep.LONG;
      case DOUBLE -> Rep.DOUBLE;
      case DECIMAL -> Rep.NUMBER;
      case VARCHAR -> Rep.STRING;
    };
  }

  /** Column precision as JDBC reports it (0 where it does not apply). */
  static int precision(SqlType type) {
    return Math.max(0, type.precision());
  }

  /** Result-set column metadata for {@code row}. */
  static List<ColumnMetaData> columns(RowType row) {
    List<ColumnMetaData> list = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      list.add(column(i, row.get(i)));
    }
    return list;
  }

  private static ColumnMetaData column(int ordinal, Column column) {
    SqlType type = column.type();
    TypeKind kind = type.kind();
    ColumnMetaData.AvaticaType avatica =
        ColumnMetaData.scalar(jdbcType(kind), typeName(kind), rep(kind));
    return new ColumnMetaData(ordinal, false, false, false, false,
        type.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        isSigned(kind), -1, column.name(), column.name(), null, precision(type), type.scale(),
        null, null, avatica, true, false, false, jdbcClass(kind).getName());
  }

  /** Prepared-statement parameter metadata for {@code types}. */
  static List<AvaticaParameter> parameters(List<SqlType> types) {
    List<AvaticaParameter> list = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      SqlType type = types.get(i);
      TypeKind kind = type.kind();
      list.add(new AvaticaParameter(isSigned(kind), precision(type), type.scale(), jdbcType(kind),
          typeName(kind), jdbcClass(kind).getName(), "?" + (i + 1)));
    }
    return list;
  }

  private static boolean isSigned(TypeKind kind) {
    return switch (kind) {
      case INT, BIGINT, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }
}
