package io.eddy.shell.format;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Reads result-set rows into the values printers show. Stateless. */
public final class Cells {
  private Cells() {}

  /** The current row of {@code rs}: temporal values as their SQL text, others as JDBC objects. */
  public static List<Object> read(ResultSet rs, int columnCount) throws SQLException {
    List<Object> values = new ArrayList<>(columnCount);
    for (int i = 1; i <= columnCount; i++) {
      int type = rs.getMetaData().getColumnType(i);
      boolean temporal = type == Types.TIMESTAMP || type == Types.DATE || type == Types.TIME;
      values.add(temporal ? rs.getString(i) : rs.getObject(i));
    }
    return values;
  }

  /** The text of a value in table and CSV output; SQL NULL is empty. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }
}
