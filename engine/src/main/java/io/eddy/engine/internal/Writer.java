package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.TopicLog;
import io.eddy.log.format.RowCodec;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.TableDef;
import java.util.Arrays;
import java.util.List;

/**
 * Appends lists of boxed rows (INSERT, DELETE, UPDATE, COPY, {@code Engine.append}) to a stream's
 * or table's log under {@link PartitionedBatch}'s rules: NOT NULL and WATERMARK values checked,
 * PROCTIME stamped with the wall clock of the call (one value per call), rows routed to
 * partitions; a versioned table's deletes are stamped with its clock ({@link TableClocks}) and its
 * appends serialised. Returns once every partition's append is durable.
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
   * {@link RowCodec#DELETE}), under {@link PartitionedBatch}'s rules. Every row is checked before
   * anything is written; each partition's rows go in one log batch, in the given order, so a
   * reader of that partition sees all of them or none.
   */
  static long append(EngineRuntime rt, CatalogObject target, List<Object[]> rows, byte[] kinds) {
    if (target instanceof TableDef t && t.versioned()) {
      synchronized (rt.tableClocks.lock(t)) {
        return write(rt, target, rt.tableClocks.stampDeletes(t, rt.topic(target), rows, kinds), kinds);
      }
    }
    return write(rt, target, rows, kinds);
  }

  private static long write(EngineRuntime rt, CatalogObject target, List<Object[]> rows, byte[] kinds) {
    TopicLog topic = rt.topic(target);
    PartitionedBatch batch = new PartitionedBatch(target, topic.partitions(), rows.size());
    RowValues values = batch.newRow();
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = rows.get(r);
      if (row.length != values.size()) {
        throw new EddyException(ErrorCode.DATA, target.name() + " has " + values.size() + " columns, but a row has "
            + row.length + " values");
      }
      values.clear();
      for (int c = 0; c < row.length; c++) {
        values.setValue(c, row[c]);
      }
      batch.add(kinds[r], values);
    }
    batch.appendTo(topic);
    rt.signal.signal();
    return rows.size();
  }
}
