package io.eddy.engine.internal;

import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.engine.Result;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.catalog.TableDef;
import io.eddy.planner.catalog.ViewDef;
import io.eddy.sql.ast.Describe;
import io.eddy.sql.ast.Show;
import java.util.ArrayList;
import java.util.List;

/** SHOW and DESCRIBE: the catalog and the running queries as rows. */
final class MetaHandler {
  private static final SqlType TEXT = SqlType.of(TypeKind.VARCHAR);
  private static final SqlType NUMBER = SqlType.of(TypeKind.BIGINT);

  private final EngineRuntime rt;

  MetaHandler(EngineRuntime rt) {
    this.rt = rt;
  }

  Result show(Show s) {
    List<Object[]> rows = new ArrayList<>();
    if (s.what() == Show.What.QUERIES) {
      for (CatalogObject o : rt.catalog().objects()) {
        Materialized m = rt.materialized.get(o.key());
        StandingQuery q = m != null ? m.query() : rt.derived.get(o.key());
        if (q != null) {
          long rowsOut = m != null ? m.store().size() : endOffsets(o);
          rows.add(new Object[] {o.name(), o.kind(), q.failure() == null ? "RUNNING" : "FAILED",
              q.rowsIn(), rowsOut, q.stateSize().rows(), q.stateSize().bytes(), q.lateRows(),
              q.skewedRows(), Watermarks.format(q.circuit().watermark()), q.lastCheckpoint(), q.startedFrom()});
        }
      }
      return rows(rows, "name", TEXT, "kind", TEXT, "status", TEXT, "rows_in", NUMBER, "rows", NUMBER,
          "state_rows", NUMBER, "state_bytes", NUMBER, "late_rows", NUMBER, "skewed_rows", NUMBER,
          "watermark", TEXT, "checkpoint", TEXT, "started_from", TEXT);
    }
    String kind = s.what().name().substring(0, s.what().name().length() - 1);
    for (CatalogObject o : rt.catalog().objects()) {
      if (o.kind().equals(kind)) {
        rows.add(new Object[] {o.name(), (long) o.rowType().size(), detail(o)});
      }
    }
    return rows(rows, "name", TEXT, "columns", NUMBER, "detail", TEXT);
  }

  private static String detail(CatalogObject o) {
    if (o instanceof StreamDef s) {
      return s.partitions() + " partition" + (s.partitions() == 1 ? "" : "s")
          + (s.watermarkColumn() >= 0 ? ", watermark on " + s.rowType().get(s.watermarkColumn()).name() : "")
          + (s.derived() != null ? ", derived: " + s.derived().query().sql().trim() : "");
    } else if (o instanceof TableDef t) {
      StringBuilder sb = new StringBuilder("primary key (");
      int[] pk = t.primaryKey();
      for (int i = 0; i < pk.length; i++) {
        sb.append(i > 0 ? ", " : "").append(t.rowType().get(pk[i]).name());
      }
      return sb.append(")").toString();
    }
    return ((ViewDef) o).query().sql().trim();
  }

  private long endOffsets(CatalogObject o) {
    long n = 0;
    io.eddy.log.TopicLog t = rt.topic(o);
    for (int p = 0; p < t.partitions(); p++) {
      n += t.partition(p).endOffset();
    }
    return n;
  }

  Result describe(Describe d) {
    CatalogObject o = rt.catalog().lookup(d.name().name()).orElseThrow(() -> DdlHandler.error(
        ErrorCode.NOT_FOUND, "stream, table or view '" + d.name().name() + "' not found", d.name(), d));
    List<Object[]> rows = new ArrayList<>();
    List<Integer> pk = new ArrayList<>();
    if (o instanceof TableDef t) {
      for (int k : t.primaryKey()) {
        pk.add(k);
      }
    }
    for (int c = 0; c < o.rowType().size(); c++) {
      Column col = o.rowType().get(c);
      rows.add(new Object[] {col.name(), col.type().withNullable(true).toString(), col.type().nullable(),
          pk.contains(c) ? "PRI" : ""});
    }
    Materialized m = rt.materialized.get(o.key());
    if (o instanceof ViewDef v && m != null) {
      // Not a column: the view's event-time counters, so DESCRIBE shows what windows dropped.
      StandingQuery q = m.query();
      rows.add(new Object[] {"(emit " + (v.emit() == io.eddy.sql.ast.EmitPolicy.ON_WINDOW_CLOSE
          ? "on window close" : "changes") + ")", "late rows: " + q.lateRows() + ", skewed rows: "
          + q.skewedRows() + ", watermark: " + Watermarks.format(q.circuit().watermark()), null, ""});
    }
    return rows(rows, "column", TEXT, "type", TEXT, "nullable", SqlType.of(TypeKind.BOOLEAN), "key", TEXT);
  }

  static Result rows(List<Object[]> rows, Object... nameTypes) {
    List<Column> cols = new ArrayList<>();
    for (int i = 0; i < nameTypes.length; i += 2) {
      cols.add(new Column((String) nameTypes[i], (SqlType) nameTypes[i + 1]));
    }
    return new Result.Rows(new RowType(cols), rows);
  }
}
