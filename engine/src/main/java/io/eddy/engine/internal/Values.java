package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Converts values from callers (JDBC parameters) to the representation of an Eddy type. */
final class Values {
  private Values() {}

  static List<Object> coerce(List<SqlType> types, List<Object> values) {
    if (values.size() != types.size()) {
      throw new EddyException(ErrorCode.VALIDATION, "the statement has " + types.size()
          + " parameter(s) but " + values.size() + " value(s) were bound");
    }
    List<Object> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.add(coerce(types.get(i), values.get(i), i + 1));
    }
    return out;
  }

  static Object coerce(SqlType type, Object v, int position) {
    if (v == null) {
      return null;
    }
    try {
      return switch (type.kind()) {
        case BOOLEAN -> v instanceof Boolean ? v : Boolean.parseBoolean(v.toString());
        case INT -> v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString().trim());
        case BIGINT -> v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
        case DOUBLE -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
        case DECIMAL -> (v instanceof BigDecimal d ? d : new BigDecimal(v.toString().trim()))
            .setScale(type.scale(), java.math.RoundingMode.HALF_UP);
        case VARCHAR -> v.toString();
        case TIMESTAMP -> v instanceof java.sql.Timestamp t ? t.getTime()
            : v instanceof java.util.Date d ? d.getTime()
            : v instanceof Number n ? n.longValue()
            : java.sql.Timestamp.valueOf(v.toString().trim()).getTime();
        case DATE -> v instanceof java.sql.Date d ? (int) d.toLocalDate().toEpochDay()
            : v instanceof java.time.LocalDate d ? (int) d.toEpochDay()
            : v instanceof Number n ? n.intValue()
            : (int) java.time.LocalDate.parse(v.toString().trim()).toEpochDay();
      };
    } catch (RuntimeException e) {
      throw new EddyException(ErrorCode.DATA, "parameter " + position + " (" + v + ") is not a valid "
          + type.withNullable(true));
    }
  }
}
