package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.RowType;
import io.eddy.log.EncodedRecords;
import io.eddy.log.TopicLog;
import io.eddy.log.format.RowCodec;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.catalog.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Appends rows to a stream's or table's log: checks NOT NULL, encodes each row in the binary row
 * format and routes it to a partition (tables by primary key, streams by the {@code key} option
 * or round-robin). Record timestamps are the event time of the watermark column when the stream
 * or table declares one, else the wall clock; a versioned table's deletes are stamped with its
 * clock ({@link TableClocks}). A stream's {@code PROCTIME()} column is set here, to the wall
 * clock of the append (one value per call), overwriting whatever the row held; it is stored in the
 * record, so recomputing from the log sees the same value. Returns once every partition's append is durable.
 */
final class Writer {
  private Writer() {}

  static long append(EngineRuntime rt, CatalogObject target, List<Object[]> rows, byte kind) {
    byte[] kinds = new byte[rows.size()];
    Arrays.fill(kinds, kind);
    return append(rt, target, rows, kinds);
  }

  /**
   * Appends {@code rows}, row i with {@code kinds[i]} ({@link RowCodec#INSERT} or
   * {@link RowCodec#DELETE}). Each partition's rows go in one log batch, in the given order, so a
   * reader of that partition sees all of them or none.
   */
  static long append(EngineRuntime rt, CatalogObject target, List<Object[]> rows, byte[] kinds) {
    if (target instanceof TableDef t && t.versioned()) {
      synchronized (rt.tableClocks.lock(t)) {
        return write(rt, target, rows, kinds);
      }
    }
    return write(rt, target, rows, kinds);
  }

  private static long write(EngineRuntime rt, CatalogObject target, List<Object[]> rows, byte[] kinds) {
    RowType type = target.rowType();
    rows = withProcTime(target, rows, kinds);
    List<Object[]> inserts = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (kinds[i] == RowCodec.INSERT) {
        inserts.add(rows.get(i));
      }
    }
    checkNotNull(target, inserts);
    checkEventTime(target, inserts);
    TopicLog topic = rt.topic(target);
    if (target instanceof TableDef t && t.versioned()) {
      rows = rt.tableClocks.stampDeletes(t, topic, rows, kinds);
    }
    RowCodec codec = new RowCodec(type);
    int parts = topic.partitions();
    EncodedRecords[] byPartition = new EncodedRecords[parts];
    int perPartition = rows.size() / parts + 1;
    for (int p = 0; p < parts; p++) {
      byPartition[p] = new EncodedRecords(perPartition, perPartition * 16 * Math.max(1, type.size()));
    }
    int[] key = keyColumns(target);
    int tsCol = eventTimeColumn(target);
    long now = System.currentTimeMillis();
    int rr = 0;
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = rows.get(r);
      int p;
      if (parts == 1) {
        p = 0;
      } else if (key != null) {
        p = Math.floorMod(keyHash(row, key), parts);
      } else {
        p = rr++ % parts;
      }
      long ts = tsCol >= 0 && row[tsCol] != null ? ((Number) row[tsCol]).longValue() : now;
      EncodedRecords out = byPartition[p];
      codec.encode(kinds[r], row, out.sink());
      out.endRecord(ts);
    }
    for (int p = 0; p < parts; p++) {
      if (!byPartition[p].isEmpty()) {
        topic.partition(p).append(byPartition[p]);
      }
    }
    rt.signal.signal();
    return rows.size();
  }

  /** Rows with the PROCTIME() column set to now (copies; the caller's arrays are left alone). */
  private static List<Object[]> withProcTime(CatalogObject target, List<Object[]> rows, byte[] kinds) {
    if (!(target instanceof StreamDef s) || s.proctimeColumn() < 0) {
      return rows;
    }
    long now = System.currentTimeMillis();
    List<Object[]> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = rows.get(i).clone();
      if (kinds[i] == RowCodec.INSERT) {
        row[s.proctimeColumn()] = now;
      }
      out.add(row);
    }
    return out;
  }

  /**
   * {@link Arrays#hashCode(Object[])} of the key columns' values, without copying them into an
   * array per row (the partition a key maps to must never change: logs already written by it).
   */
  private static int keyHash(Object[] row, int[] key) {
    int h = 1;
    for (int c : key) {
      Object v = row[c];
      h = 31 * h + (v == null ? 0 : v.hashCode());
    }
    return h;
  }

  private static int[] keyColumns(CatalogObject target) {
    if (target instanceof TableDef t) {
      return t.primaryKey();
    }
    if (target instanceof StreamDef s && s.options().containsKey("key")) {
      int c = s.rowType().indexOf(s.options().get("key"));
      return c < 0 ? null : new int[] {c};
    }
    return null;
  }

  /** The WATERMARK column of a stream or versioned table, or -1. */
  private static int eventTimeColumn(CatalogObject target) {
    if (target instanceof StreamDef s) {
      return s.watermarkColumn();
    }
    return target instanceof TableDef t ? t.watermarkColumn() : -1;
  }

  /** The watermark column of a stream or versioned table must have a value: it is the row's event time. */
  private static void checkEventTime(CatalogObject target, List<Object[]> rows) {
    int col = eventTimeColumn(target);
    if (col >= 0) {
      for (Object[] row : rows) {
        if (row[col] == null) {
          throw new EddyException(ErrorCode.DATA, "column '" + target.rowType().get(col).name()
              + "' of " + target.name() + " is its WATERMARK column, so every row needs a value for it");
        }
      }
    }
  }

  private static void checkNotNull(CatalogObject target, List<Object[]> rows) {
    RowType type = target.rowType();
    for (int c = 0; c < type.size(); c++) {
      if (type.type(c).nullable()) {
        continue;
      }
      for (Object[] row : rows) {
        if (row[c] == null) {
          throw new EddyException(ErrorCode.DATA, "column '" + type.get(c).name() + "' of "
              + target.name() + " is NOT NULL, but a row has no value for it");
        }
      }
    }
  }
}
