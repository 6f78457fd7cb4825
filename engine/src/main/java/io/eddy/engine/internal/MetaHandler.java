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
              q.skewedRows(), Watermarks.format(q.circuit().watermark()), q.sourceWatermarks(), q.errors(), q.lastError(),
              q.lastCheckpoint(), q.startedFrom()});
        }
      }
      return rows(rows, "name", TEXT, "kind", TEXT, "status", TEXT, "rows_in", NUMBER, "rows", NUMBER,
          "state_rows", NUMBER, "state_bytes", NUMBER, "late_rows", NUMBER, "skewed_rows", NUMBER,
          "watermark", TEXT, "source_watermarks", TEXT, "errors", NUMBER, "last_error", TEXT, "checkpoint", TEXT, "started_from", TEXT);
    }
    String kind = s.what().name().substring(0, s.what().name().length() - 1);
    for (CatalogObject o : rt.catalog().objects()) {
      if (o.kind().equals(kind)) {
        rows.add(new Object[] {o.name(), (long) o.rowType().size(), detail(o)});
      }
    }
    return rows(rows, "name", TEXT, "columns", NUMBER, "detail", TEXT);
  }

  /** {@code "errors: 2, last: division by zero in /(price, qty)"} or {@code "errors: 0"}. */
  static String errorSummary(StandingQuery q) {
    long n = q.errors();
    String last = q.lastError();
    return "errors: " + n + (n > 0 && last != null ? ", last: " + last : "");
  }

  private String detail(CatalogObject o) {
    if (o instanceof StreamDef s) {
      return s.partitions() + " partition" + (s.partitions() == 1 ? "" : "s") + external(s)
          + (s.watermarkColumn() >= 0 ? (s.proctime() ? ", proctime " : ", watermark on ")
              + s.rowType().get(s.watermarkColumn()).name() : "")
          + (s.derived() != null ? ", derived: " + s.derived().query().sql().trim() : "");
    } else if (o instanceof TableDef t) {
      StringBuilder sb = new StringBuilder("primary key (");
      int[] pk = t.primaryKey();
      for (int i = 0; i < pk.length; i++) {
        sb.append(i > 0 ? ", " : "").append(t.rowType().get(pk[i]).name());
      }
      return sb.append(")").append(t.versioned() ? ", watermark on " + t.rowType().get(t.watermarkColumn()).name()
          : "").toString();
    }
    return ((ViewDef) o).query().sql().trim();
  }

  /** ", kafka topic 't' (json), 2 malformed records" for a Kafka stream, else nothing. */
  private String external(StreamDef s) {
    io.eddy.log.format.MalformedRecords bad = rt.external.malformed(s.key());
    if (bad == null) {
      return "";
    }
    String topic = s.options().getOrDefault("topic", s.name());
    return ", kafka topic '" + topic + "' (" + s.options().getOrDefault("format", "json").toLowerCase(
        java.util.Locale.ROOT) + "), " + bad.count() + " malformed record" + (bad.count() == 1 ? "" : "s");
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
    int proctime = o instanceof StreamDef s ? s.proctimeColumn() : -1;
    for (int c = 0; c < o.rowType().size(); c++) {
      Column col = o.rowType().get(c);
      rows.add(new Object[] {col.name(), col.type().withNullable(true).toString(), col.type().nullable(),
          pk.contains(c) ? "PRI" : c == proctime ? "PROCTIME()" : ""});
    }
    Materialized m = rt.materialized.get(o.key());
    if (o instanceof ViewDef v && m != null) {
      // Not a column: the view's event-time counters, so DESCRIBE shows what windows dropped.
      StandingQuery q = m.query();
      rows.add(new Object[] {"(emit " + (v.emit() == io.eddy.sql.ast.EmitPolicy.ON_WINDOW_CLOSE
          ? "on window close" : "changes") + ")", "late rows: " + q.lateRows()
          + (q.lateStream() == null ? "" : " (into " + rt.catalog().lookup(q.lateStream()).map(c -> c.name())
              .orElse(q.lateStream()) + ")") + ", skewed rows: "
          + q.skewedRows() + ", watermark: " + Watermarks.format(q.circuit().watermark()), null, ""});
      rows.add(new Object[] {"(errors)", errorSummary(q), null, ""});
    }
    io.eddy.log.format.MalformedRecords bad = rt.external.malformed(o.key());
    if (bad != null) {
      // Not a column: what readers of the Kafka topic skipped, with the first problems' positions.
      rows.add(new Object[] {"(malformed records)", bad.count() + (bad.count() == 0 ? "" : "; first: "
          + String.join("; ", bad.first().stream().map(Object::toString).toList())), null, ""});
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
