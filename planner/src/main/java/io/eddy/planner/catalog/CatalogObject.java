package io.eddy.planner.catalog;

import io.eddy.common.type.RowType;
import java.util.Locale;

/** An object of the catalog: a stream, a table or a view. Immutable. */
public sealed interface CatalogObject permits StreamDef, TableDef, ViewDef {
  /** The name as the user wrote it. */
  String name();

  RowType rowType();

  /** The statement that created it, replayed when the catalog is loaded. */
  String ddl();

  /** STREAM, TABLE or VIEW. */
  String kind();

  /** The case-insensitive lookup key. */
  default String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
