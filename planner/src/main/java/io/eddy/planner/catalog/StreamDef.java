package io.eddy.planner.catalog;

import io.eddy.common.type.RowType;
import java.util.Map;

/**
 * An append-only stream backed by a log topic.
 *
 * @param watermarkColumn index of the event-time column, or -1
 * @param watermarkDelayMillis allowed disorder
 * @param partitions number of log partitions
 * @param derived for a derived stream ({@code CREATE STREAM s AS ...}) its query, else null
 */
public record StreamDef(String name, RowType rowType, int watermarkColumn, long watermarkDelayMillis,
    int partitions, Map<String, String> options, DerivedQuery derived, String ddl) implements CatalogObject {
  public StreamDef {
    options = Map.copyOf(options);
  }

  @Override
  public String kind() {
    return "STREAM";
  }
}
