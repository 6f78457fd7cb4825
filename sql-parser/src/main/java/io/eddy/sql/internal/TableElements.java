package io.eddy.sql.internal;

import io.eddy.sql.Suggestions;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.grammar.EddyParser;
import io.eddy.grammar.EddyParser.ColumnConstraintContext;
import io.eddy.grammar.EddyParser.ColumnDefinitionContext;
import io.eddy.grammar.EddyParser.TableElementContext;
import io.eddy.grammar.EddyParser.TableElementsContext;
import io.eddy.grammar.EddyParser.WatermarkDefinitionContext;
import io.eddy.sql.ast.ColumnDef;
import io.eddy.sql.ast.Identifier;
import io.eddy.sql.ast.WatermarkDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * The column list of CREATE STREAM / CREATE TABLE, checked: column names unique, at most one
 * primary key (inline {@code col TYPE PRIMARY KEY} or {@code PRIMARY KEY (cols)}) naming declared
 * columns, which become NOT NULL; at most one watermark, on a TIMESTAMP column. Whether a key or
 * watermark is allowed at all depends on the statement ({@link #forStream}, {@link #forTable}).
 * {@code col AS PROCTIME()} declares a nullable TIMESTAMP(3) column that is the stream's time
 * attribute; a stream has either it or a WATERMARK, not both.
 */
public final class TableElements {
  private final SourceText source;
  private final Map<String, ColumnDef> columns = new LinkedHashMap<>();
  private final List<Identifier> primaryKey = new ArrayList<>();
  private ParserRuleContext primaryKeyAt;
  private WatermarkDefinitionContext watermarkAt;
  private ColumnDefinitionContext proctimeAt;

  private TableElements(SourceText source) {
    this.source = source;
  }

  /** Columns and watermark of a stream; a primary key is an error. */
  public static Stream forStream(SourceText source, TableElementsContext ctx) {
    TableElements e = read(source, ctx);
    if (e.primaryKeyAt != null) {
      throw source.error(e.primaryKeyAt, "a stream has no primary key",
          "use CREATE TABLE for a keyed changelog");
    }
    return new Stream(e.columnList(), e.watermark());
  }

  /**
   * Columns, primary key and optional event-time WATERMARK (a versioned table) of a table; the
   * key is required, PROCTIME() is an error.
   */
  public static Table forTable(SourceText source, TableElementsContext ctx) {
    TableElements e = read(source, ctx);
    if (e.proctimeAt != null) {
      throw source.error(e.proctimeAt, "a table has no processing-time attribute",
          "declare PROCTIME() on the stream the table's rows come from, or event time with a WATERMARK");
    }
    if (e.primaryKeyAt == null) {
      throw new io.eddy.common.error.EddyException(io.eddy.common.error.ErrorCode.CONSTRAINT,
          "a table needs a PRIMARY KEY", source.span(ctx), source.script(), 
          "add PRIMARY KEY (col, ...), or use CREATE STREAM for append-only rows", null);
    }
    return new Table(e.columnList(), List.copyOf(e.primaryKey), e.watermark());
  }

  /** What a stream declares. */
  public record Stream(List<ColumnDef> columns, Optional<WatermarkDef> watermark) {}

  /** What a table declares. */
  public record Table(List<ColumnDef> columns, List<Identifier> primaryKey, Optional<WatermarkDef> watermark) {}

  private static TableElements read(SourceText source, TableElementsContext ctx) {
    TableElements e = new TableElements(source);
    for (TableElementContext element : ctx.tableElement()) {
      if (element.columnDefinition() != null && element.columnDefinition().fn != null) {
        e.proctime(element.columnDefinition());
      } else if (element.columnDefinition() != null) {
        e.column(element.columnDefinition());
      }
    }
    for (TableElementContext element : ctx.tableElement()) {
      if (element.primaryKeyDefinition() != null) {
        e.setPrimaryKey(element.primaryKeyDefinition(), element.primaryKeyDefinition().columnList().identifier());
      } else if (element.watermarkDefinition() != null) {
        e.setWatermark(element.watermarkDefinition());
      }
    }
    if (e.proctimeAt != null && e.watermarkAt != null) {
      throw new io.eddy.common.error.EddyException(io.eddy.common.error.ErrorCode.VALIDATION,
          "a stream cannot declare both a WATERMARK and a PROCTIME() column", source.span(e.watermarkAt),
          source.script(), "use PROCTIME() for processing time or WATERMARK for event time, not both", null);
    }
    return e;
  }

  private void proctime(ColumnDefinitionContext ctx) {
    Identifier fn = source.identifier(ctx.fn);
    if (!fn.key().equals("proctime")) {
      throw source.error(ctx.fn, "a computed column can only be PROCTIME(), not " + fn.name() + "()",
          "write " + source.identifier(ctx.name).name() + " AS PROCTIME()");
    }
    if (proctimeAt != null) {
      throw source.error(ctx, "PROCTIME() is declared twice", "a stream has one processing-time column");
    }
    proctimeAt = ctx;
    addColumn(ctx.name, new ColumnDef(source.identifier(ctx.name), new SqlType(TypeKind.TIMESTAMP, 3, 0, true)));
  }

  private void addColumn(EddyParser.IdentifierContext at, ColumnDef def) {
    if (columns.putIfAbsent(def.name().key(), def) != null) {
      throw source.error(at, "column '" + def.name() + "' is declared twice", "give each column a distinct name");
    }
  }

  private void column(ColumnDefinitionContext ctx) {
    Identifier name = source.identifier(ctx.name);
    SqlType type = new TypeMapper(source).visit(ctx.dataType());
    ColumnConstraintContext inlineKey = null;
    for (ColumnConstraintContext constraint : ctx.columnConstraint()) {
      if (constraint instanceof EddyParser.NotNullConstraintContext) {
        type = type.withNullable(false);
      } else if (constraint instanceof EddyParser.InlinePrimaryKeyContext) {
        inlineKey = constraint;
      }
    }
    addColumn(ctx.name, new ColumnDef(name, type));
    if (inlineKey != null) {
      setPrimaryKey(inlineKey, List.of(ctx.name));
    }
  }

  private void setPrimaryKey(ParserRuleContext at, List<EddyParser.IdentifierContext> names) {
    if (primaryKeyAt != null) {
      throw source.error(at, "the primary key is declared twice", "declare one PRIMARY KEY (col, ...)");
    }
    primaryKeyAt = at;
    for (EddyParser.IdentifierContext ctx : names) {
      Identifier name = source.identifier(ctx);
      ColumnDef column = declared(name, "primary key");
      if (primaryKey.stream().anyMatch(k -> k.key().equals(name.key()))) {
        throw source.error(ctx, "column '" + name + "' appears twice in the primary key", null);
      }
      primaryKey.add(name);
      columns.put(name.key(), new ColumnDef(column.name(), column.type().withNullable(false)));
    }
  }

  private void setWatermark(WatermarkDefinitionContext ctx) {
    if (watermarkAt != null) {
      throw source.error(ctx, "the watermark is declared twice", "a stream has one event-time column");
    }
    watermarkAt = ctx;
    Identifier column = source.identifier(ctx.column);
    ColumnDef def = declared(column, "watermark");
    if (def.type().kind() != TypeKind.TIMESTAMP) {
      throw source.error(ctx.column, "watermark column '" + column + "' is " + def.type() + ", not a TIMESTAMP",
          "declare event time as TIMESTAMP(3)");
    }
    Identifier base = source.identifier(ctx.base);
    if (!base.key().equals(column.key())) {
      throw source.error(ctx.base, "the watermark must be computed from '" + column + "' itself",
          "write WATERMARK FOR " + column + " AS " + column + " - INTERVAL '5' SECOND");
    }
  }

  private ColumnDef declared(Identifier name, String what) {
    ColumnDef column = columns.get(name.key());
    if (column == null) {
      throw source.error(name.span(), "the " + what + " names column '" + name + "', which is not declared",
          Suggestions.closest(name.name(), columns.values().stream().map(c -> c.name().name()).toList())
              .map(s -> "did you mean '" + s + "'?").orElse(null));
    }
    return column;
  }

  private List<ColumnDef> columnList() {
    return List.copyOf(columns.values());
  }

  private Optional<WatermarkDef> watermark() {
    if (proctimeAt != null) {
      return Optional.of(new WatermarkDef(source.identifier(proctimeAt.name), 0, true));
    }
    if (watermarkAt == null) {
      return Optional.empty();
    }
    long delay = watermarkAt.amount == null ? 0
        : new IntervalReader(source).millis(watermarkAt.amount, watermarkAt.unit);
    return Optional.of(new WatermarkDef(source.identifier(watermarkAt.column), delay));
  }
}
