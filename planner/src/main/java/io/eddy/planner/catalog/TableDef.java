package io.eddy.planner.catalog;

import io.eddy.common.type.RowType;
import java.util.Map;

/** A changelog table with a primary key, backed by a log topic of upserts and deletes. */
public record TableDef(String name, RowType rowType, int[] primaryKey, int partitions,
    Map<String, String> options, String ddl) implements CatalogObject {
  public TableDef {
    primaryKey = primaryKey.clone();
    options = Map.copyOf(options);
    if (primaryKey.length == 0) {
      throw new IllegalArgumentException("a table needs a primary key");
    }
  }

  @Override
  public int[] primaryKey() {
    return primaryKey.clone();
  }

  @Override
  public String kind() {
    return "TABLE";
  }
}
