package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;
import java.util.List;
import java.util.Optional;

/** {@code CREATE STREAM [IF NOT EXISTS] s (cols..., [WATERMARK ...]) [WITH (...)]}. */
public record CreateStream(Identifier name, List<ColumnDef> columns, Optional<WatermarkDef> watermark,
    Options options, boolean ifNotExists, SourceSpan span, String script) implements Statement {
  public CreateStream {
    columns = List.copyOf(columns);
  }
}
