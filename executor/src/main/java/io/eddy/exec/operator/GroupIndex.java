package io.eddy.exec.operator;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.RowSlab;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.state.IntList;
import io.eddy.exec.state.LongTupleIntMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The groups of an {@link AggregateOperator}: an int id per group key, found from a batch row,
 * and the keys themselves, stored by column ({@link RowSlab}). When every key column is BIGINT,
 * INT, TIMESTAMP or DATE the key is looked up by its primitive values without boxing
 * ({@link LongTupleIntMap}; several columns are, for example, a key and its window's bounds); a key
 * with a NULL in it, and any other key, is boxed into a {@link Row}. A removed group's id is
 * {@link #unmap unmapped} (no longer found; its key still readable) and later {@link #free freed}
 * for reuse. Not thread-safe.
 */
final class GroupIndex {
  private final int[] keys;
  private final boolean primitive;
  private final Map<Row, Integer> byRow = new HashMap<>();
  private final LongTupleIntMap byTuple;
  /** The primitive key being looked up (reused). */
  private final long[] tuple;
  private final RowSlab keyRows;
  private final IntList free = new IntList();
  /** The batch whose key columns {@link #longColumns}, {@link #intColumns} and {@link #nullBits} hold. */
  private ZBatch batch;
  private final long[][] longColumns;
  private final int[][] intColumns;
  private final long[][] nullBits;
  private int used;
  private boolean created;

  GroupIndex(RowType input, int[] keys) {
    this.keys = keys.clone();
    boolean allPrimitive = keys.length > 0;
    List<Column> keyColumns = new ArrayList<>();
    for (int k : keys) {
      TypeKind kind = input.type(k).kind();
      allPrimitive &= kind.isLongBacked() || kind.isIntBacked();
      keyColumns.add(input.columns().get(k));
    }
    this.primitive = allPrimitive;
    this.byTuple = primitive ? new LongTupleIntMap(keys.length) : null;
    this.tuple = new long[keys.length];
    this.longColumns = new long[keys.length][];
    this.intColumns = new int[keys.length][];
    this.nullBits = new long[keys.length][];
    // a key with text is kept as a Row in byRow too: the slab shares its strings
    this.keyRows = new RowSlab(new RowType(keyColumns), 16, true);
  }

  /** The id of the group of row {@code r} of {@code b}, created if new ({@link #created}). */
  int find(ZBatch b, int r) {
    created = false;
    if (!primitive || !tupleOf(b, r)) {
      return find(Row.project(b, r, keys));
    }
    int id = byTuple.get(tuple);
    if (id < 0) {
      id = allocate();
      keyRows.set(id, b, r, keys);
      byTuple.put(tuple, id);
    }
    return id;
  }

  /** The id of the group of {@code key}, created if new ({@link #created}). */
  int find(Row key) {
    created = false;
    if (primitive && tupleOf(key)) {
      int id = byTuple.get(tuple);
      if (id < 0) {
        id = allocate();
        keyRows.set(id, key);
        byTuple.put(tuple, id);
      }
      return id;
    }
    Integer id = byRow.get(key);
    if (id == null) {
      id = allocate();
      keyRows.set(id, key);
      byRow.put(key, id);
    }
    return id;
  }

  /** Whether the last {@link #find} created its group. */
  boolean created() {
    return created;
  }

  private int allocate() {
    created = true;
    if (free.size() > 0) {
      return free.removeLast();
    }
    keyRows.ensureCapacity(used + 1);
    return used++;
  }

  /** Ids are below this. */
  int capacity() {
    return keyRows.capacity();
  }

  /** Key column {@code k} (in key order) of group {@code id}, boxed. */
  Object key(int id, int k) {
    return keyRows.get(id, k);
  }

  /** The key of group {@code id}. */
  Row key(int id) {
    return keyRows.row(id);
  }

  /** Writes group {@code id}'s key into the first fields of {@code to}'s current row. */
  void copyKey(int id, BatchBuilder to) {
    keyRows.copyTo(id, to, 0);
  }

  /** Reads row {@code r}'s key columns into {@link #tuple}; false when one is NULL. */
  private boolean tupleOf(ZBatch b, int r) {
    if (b != batch) { // find the key columns' arrays once per batch
      batch = b;
      for (int k = 0; k < keys.length; k++) {
        Object col = b.column(keys[k]);
        longColumns[k] = col instanceof long[] a ? a : null;
        intColumns[k] = col instanceof int[] a ? a : null;
        nullBits[k] = b.nulls(keys[k]);
      }
    }
    for (int k = 0; k < keys.length; k++) {
      long[] n = nullBits[k];
      if (n != null && (n[r >>> 6] & (1L << r)) != 0) {
        return false;
      }
      long[] longs = longColumns[k];
      tuple[k] = longs != null ? longs[r] : intColumns[k][r];
    }
    return true;
  }

  /** Reads {@code key} into {@link #tuple}; false when a value is NULL. */
  private boolean tupleOf(Row key) {
    for (int k = 0; k < keys.length; k++) {
      Object v = key.get(k);
      if (v == null) {
        return false;
      }
      tuple[k] = ((Number) v).longValue();
    }
    return true;
  }

  /** Calls {@code action} with every group's id (not the unmapped ones), in no particular order. */
  void forEach(IntConsumer action) {
    byRow.values().forEach(action::accept);
    if (byTuple != null) {
      byTuple.forEachValue(action);
    }
  }

  /** Stops finding group {@code id} (its key stays readable until {@link #free}). */
  void unmap(int id) {
    boolean noNulls = true;
    for (int k = 0; k < keys.length && primitive; k++) {
      noNulls &= !keyRows.isNull(id, k);
      tuple[k] = noNulls ? keyRows.getLong(id, k) : 0;
    }
    if (primitive && noNulls) {
      byTuple.remove(tuple);
    } else {
      byRow.remove(keyRows.row(id));
    }
  }

  /** Lets an unmapped group's id be reused. */
  void free(int id) {
    keyRows.clear(id);
    free.add(id);
  }

  /** Groups found by key (not counting unmapped ones). */
  int size() {
    return byRow.size() + (byTuple != null ? byTuple.size() : 0);
  }
}
