package io.eddy.jdbc;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData.Rep;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Converts bound JDBC parameters to the engine's value representation of each parameter's type
 * ({@link io.eddy.common.type.TypeKind}). Avatica already turned timestamps and dates into
 * {@code Long} millis and {@code Integer} days in the connection's time zone; what is left is
 * widening and narrowing between numeric types, which must be exact (no silent truncation).
 */
final class ParameterValues {
  private ParameterValues() {}

  /** The engine values of {@code bound}, one per parameter of {@code types}. */
  static List<Object> convert(List<SqlType> types, List<TypedValue> bound) {
    if (bound.size() != types.size()) {
      throw new EddyException(ErrorCode.DATA,
          "statement has " + types.size() + " parameters, " + bound.size() + " bound");
    }
    List<Object> values = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      TypedValue value = bound.get(i);
      if (value == null) {
        throw new EddyException(ErrorCode.DATA, "parameter " + (i + 1) + " is not bound");
      }
      values.add(convert(i + 1, types.get(i), value));
    }
    return values;
  }

  private static Object convert(int index, SqlType type, TypedValue bound) {
    Object v = bound.toLocal();
    if (v == null) {
      return null;
    }
    try {
      return switch (type.kind()) {
        case BOOLEAN -> v instanceof Boolean ? v : fail(index, type, v);
        case INT, DATE -> v instanceof Number n ? exact(n).intValueExact() : fail(index, type, v);
        case BIGINT, TIMESTAMP ->
            v instanceof Number n ? exact(n).longValueExact() : fail(index, type, v);
        case DOUBLE -> v instanceof Number n ? n.doubleValue() : fail(index, type, v);
        case DECIMAL -> v instanceof Number n ? exact(n).setScale(type.scale()) : fail(index, type, v);
        case VARCHAR -> bound.type == Rep.STRING ? v : String.valueOf(v);
      };
    } catch (ArithmeticException e) {
      throw new EddyException(ErrorCode.DATA,
          "parameter " + (index) + " value " + v + " does not fit " + type);
    }
  }

  private static BigDecimal exact(Number n) {
    return n instanceof BigDecimal d ? d
        : n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
        : BigDecimal.valueOf(n.longValue());
  }

  private static Object fail(int index, SqlType type, Object v) {
    throw new EddyException(ErrorCode.DATA, "parameter " + index + " of type " + type
        + " cannot take a " + v.getClass().getSimpleName() + " value (" + v + ")");
  }
}
