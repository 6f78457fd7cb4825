package io.eddy.engine;

import io.eddy.common.type.RowType;

/** A catalog object as metadata clients see it. {@code kind} is STREAM, TABLE or VIEW. */
public record CatalogEntry(String name, String kind, RowType columns, String definition) {}
