package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;
import java.util.List;

/** {@code CREATE TABLE [IF NOT EXISTS] t (cols..., PRIMARY KEY (k, ...)) [WITH (...)]}. */
public record CreateTable(Identifier name, List<ColumnDef> columns, List<Identifier> primaryKey,
    Options options, boolean ifNotExists, SourceSpan span, String script) implements Statement {
  public CreateTable {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }
}
