package io.eddy.planner.catalog;

import io.eddy.common.type.RowType;
import java.util.Map;

/**
 * A changelog table with a primary key, backed by a log topic of upserts and deletes.
 *
 * @param watermarkColumn index of the event-time column ({@code WATERMARK FOR col AS ...}), or -1.
 *     With one the table is <em>versioned</em>: each change (upsert or delete) takes effect at its
 *     row's time, so the table can be read {@code FOR SYSTEM_TIME AS OF} a stream's event time
 * @param watermarkDelayMillis allowed disorder of the changes' times
 */
public record TableDef(String name, RowType rowType, int[] primaryKey, int partitions,
    Map<String, String> options, String ddl, int watermarkColumn, long watermarkDelayMillis)
    implements CatalogObject {
  public TableDef {
    primaryKey = primaryKey.clone();
    options = Map.copyOf(options);
    if (primaryKey.length == 0) {
      throw new IllegalArgumentException("a table needs a primary key");
    }
  }

  /** A table without event time. */
  public TableDef(String name, RowType rowType, int[] primaryKey, int partitions, Map<String, String> options,
      String ddl) {
    this(name, rowType, primaryKey, partitions, options, ddl, -1, 0);
  }

  @Override
  public int[] primaryKey() {
    return primaryKey.clone();
  }

  /** Whether changes carry event time (the table may be read AS OF a time). */
  public boolean versioned() {
    return watermarkColumn >= 0;
  }

  @Override
  public String kind() {
    return "TABLE";
  }
}
