package io.eddy.sql.ast;

import io.eddy.common.type.SqlType;

/** A column declaration of CREATE STREAM / CREATE TABLE. */
public record ColumnDef(Identifier name, SqlType type) {}
