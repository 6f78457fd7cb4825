package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] t (cols..., PRIMARY KEY (k, ...), [WATERMARK FOR col AS ...])
 * [WITH (...)]}; a WATERMARK makes it a versioned table (its changes carry event time).
 */
public record CreateTable(Identifier name, List<ColumnDef> columns, List<Identifier> primaryKey,
    Optional<WatermarkDef> watermark, Options options, boolean ifNotExists, SourceSpan span, String script)
    implements Statement {
  public CreateTable {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }
}
