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
 * @param proctime whether the watermark column was declared {@code col AS PROCTIME()}: rows never
 *     give it, the engine's writer fills it with the wall clock at append (delay 0)
 */
public record StreamDef(String name, RowType rowType, int watermarkColumn, long watermarkDelayMillis,
    int partitions, Map<String, String> options, DerivedQuery derived, String ddl, boolean proctime)
    implements CatalogObject {
  public StreamDef {
    options = Map.copyOf(options);
    if (proctime && watermarkColumn < 0) {
      throw new IllegalArgumentException("a PROCTIME() stream needs its column");
    }
  }

  /** A stream without a PROCTIME() column. */
  public StreamDef(String name, RowType rowType, int watermarkColumn, long watermarkDelayMillis,
      int partitions, Map<String, String> options, DerivedQuery derived, String ddl) {
    this(name, rowType, watermarkColumn, watermarkDelayMillis, partitions, options, derived, ddl, false);
  }

  /** The index of the PROCTIME() column, or -1. */
  public int proctimeColumn() {
    return proctime ? watermarkColumn : -1;
  }

  /** The columns INSERT and COPY supply: all but the PROCTIME() column. */
  public java.util.List<String> suppliedColumns() {
    return rowType.columns().stream().map(io.eddy.common.type.Column::name)
        .filter(n -> proctimeColumn() < 0 || !n.equals(rowType.get(proctimeColumn()).name())).toList();
  }

  @Override
  public String kind() {
    return "STREAM";
  }
}
