package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import java.util.List;
import java.util.Locale;

/**
 * The fixed shape of a {@code LATE INTO} stream: one row per late row and window it missed, with
 * the name of the view (or derived stream) whose query dropped it, the window, the row's event
 * time and the row itself as a JSON object (the dropping window operator's input columns by
 * name). A fixed shape lets any number of views share one late stream whatever their columns.
 * Stateless.
 */
final class LateStream {
  static final List<Column> COLUMNS = List.of(
      new Column("query_name", SqlType.of(TypeKind.VARCHAR).withNullable(false)),
      new Column("window_start", timestamp()),
      new Column("window_end", timestamp()),
      new Column("event_time", timestamp()),
      new Column("row_json", SqlType.of(TypeKind.VARCHAR).withNullable(false)));

  private LateStream() {}

  /** The DDL of a late stream created on demand: the fixed columns, one partition. */
  static String ddl(String name) {
    return "CREATE STREAM `" + name.replace("`", "``") + "` (query_name VARCHAR NOT NULL, "
        + "window_start TIMESTAMP(3) NOT NULL, window_end TIMESTAMP(3) NOT NULL, "
        + "event_time TIMESTAMP(3) NOT NULL, row_json VARCHAR NOT NULL)";
  }

  /**
   * Checks that an existing object can receive late rows: a stream users may write to (not a
   * table, view or derived stream) whose columns are the fixed ones, in order, by name and type
   * (nullability and a WATERMARK are free).
   */
  static StreamDef check(CatalogObject o) {
    if (!(o instanceof StreamDef s) || s.derived() != null) {
      String what = o instanceof StreamDef ? "a derived stream" : "a " + o.kind().toLowerCase(Locale.ROOT);
      throw new EddyException(ErrorCode.VALIDATION, "late rows cannot go into " + o.name() + ": it is "
          + what + ", not a stream");
    }
    RowType t = s.rowType();
    boolean ok = t.size() == COLUMNS.size();
    for (int i = 0; ok && i < COLUMNS.size(); i++) {
      ok = t.get(i).name().equalsIgnoreCase(COLUMNS.get(i).name())
          && t.type(i).kind() == COLUMNS.get(i).type().kind();
    }
    if (!ok) {
      throw new EddyException(ErrorCode.VALIDATION, "stream " + s.name() + " cannot receive late rows: "
          + "a late stream has the columns (query_name VARCHAR, window_start TIMESTAMP, window_end TIMESTAMP, "
          + "event_time TIMESTAMP, row_json VARCHAR), but it has " + describe(t));
    }
    return s;
  }

  private static String describe(RowType t) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < t.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(t.get(i).name()).append(' ').append(t.type(i).kind());
    }
    return sb.append(')').toString();
  }

  private static SqlType timestamp() {
    return new SqlType(TypeKind.TIMESTAMP, 3, 0, false);
  }
}
