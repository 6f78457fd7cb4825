package io.eddy.engine.internal;

import io.eddy.log.PartitionLog;
import io.eddy.log.TopicLog;
import io.eddy.log.format.RowCodec;
import io.eddy.planner.catalog.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event-time clock of each versioned table (a TABLE with a WATERMARK): the largest event time
 * of any change written to it so far. A DELETE (and the delete of a key an UPDATE moves) takes
 * effect at that time: the {@link Writer} stamps the delete record's time column with
 * {@code max(clock, the deleted row's time)}, so the delete is never behind the table's watermark
 * and is recorded in the log (recomputation sees the same time). The clock is found on first use
 * by scanning the table's log (record timestamps are the changes' times) and then kept up to date
 * by every append; appends to one versioned table are serialised on it, so a delete's stamp is
 * at or above every change before it. Thread-safe.
 */
final class TableClocks {
  private final Map<String, long[]> clocks = new HashMap<>();

  /** The lock that serialises appends to {@code table}. */
  synchronized Object lock(TableDef table) {
    return clocks.computeIfAbsent(table.key(), k -> new long[] {Long.MIN_VALUE, 0});
  }

  /**
   * Rows with every DELETE's time column set to the table's clock (or the row's own time if
   * later); copies the rows it changes. Call while holding {@link #lock}.
   */
  List<Object[]> stampDeletes(TableDef table, TopicLog topic, List<Object[]> rows, byte[] kinds) {
    long[] clock = clockOf(table, topic);
    int col = table.watermarkColumn();
    List<Object[]> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = rows.get(i);
      if (kinds[i] == RowCodec.DELETE) {
        row = row.clone();
        long own = row[col] == null ? Long.MIN_VALUE : ((Number) row[col]).longValue();
        row[col] = Math.max(own, clock[0]);
      }
      if (row[col] != null) { // an insert without a time is refused by the writer
        clock[0] = Math.max(clock[0], ((Number) row[col]).longValue());
      }
      out.add(row);
    }
    return out;
  }

  /** Moves the clock of {@code table} up to {@code time} (appends that bypass {@link #stampDeletes}). Call while holding {@link #lock}. */
  void advance(TableDef table, TopicLog topic, long time) {
    long[] clock = clockOf(table, topic);
    clock[0] = Math.max(clock[0], time);
  }

  /** {@code [clock, scanned]}; scans the log the first time. Call while holding {@link #lock}. */
  private long[] clockOf(TableDef table, TopicLog topic) {
    long[] clock = (long[]) lock(table);
    if (clock[1] == 0) {
      for (int p = 0; p < topic.partitions(); p++) {
        PartitionLog log = topic.partition(p);
        long end = log.endOffset();
        for (long at = log.startOffset(); at < end; ) {
          long next = log.read(at, 1 << 20, (offset, ts, buf, off, len) -> clock[0] = Math.max(clock[0], ts));
          if (next == at) {
            break;
          }
          at = next;
        }
      }
      clock[1] = 1;
    }
    return clock;
  }
}
