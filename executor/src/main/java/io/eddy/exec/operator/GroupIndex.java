package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.state.LongTupleHashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The groups of an {@link AggregateOperator} by key, found from a batch row. When every key column
 * is BIGINT, INT, TIMESTAMP or DATE the key is looked up by its primitive values without boxing
 * ({@link LongTupleHashMap}; several columns are, for example, a key and its window's bounds); a
 * key with a NULL in it, and any other key, is boxed into a {@link Row}. Not thread-safe.
 */
final class GroupIndex {
  private final int[] keys;
  private final boolean primitive;
  private final Function<Row, AggregateGroup> factory;
  private final Map<Row, AggregateGroup> byRow = new HashMap<>();
  private final LongTupleHashMap<AggregateGroup> byTuple;
  /** The primitive key being looked up (reused). */
  private final long[] tuple;

  /** {@code factory} makes the empty group of a key not seen yet. */
  GroupIndex(RowType input, int[] keys, Function<Row, AggregateGroup> factory) {
    this.keys = keys;
    this.factory = factory;
    boolean allPrimitive = keys.length > 0;
    for (int k : keys) {
      TypeKind kind = input.type(k).kind();
      allPrimitive &= kind.isLongBacked() || kind.isIntBacked();
    }
    this.primitive = allPrimitive;
    this.byTuple = primitive ? new LongTupleHashMap<>(keys.length) : null;
    this.tuple = new long[keys.length];
  }

  /** The group of row {@code r} of {@code b}, created if new. */
  AggregateGroup find(ZBatch b, int r) {
    if (!primitive || !tupleOf(b, r)) {
      return byRow.computeIfAbsent(Row.project(b, r, keys), factory);
    }
    AggregateGroup g = byTuple.get(tuple);
    return g != null ? g : added(Row.project(b, r, keys));
  }

  /** The group of {@code key}, created if new (restoring a checkpoint). */
  AggregateGroup find(Row key) {
    if (!primitive || !tupleOf(key)) {
      return byRow.computeIfAbsent(key, factory);
    }
    AggregateGroup g = byTuple.get(tuple);
    return g != null ? g : added(key);
  }

  /** A new group of {@code key}, whose primitive values {@link #tuple} holds, stored by them. */
  private AggregateGroup added(Row key) {
    AggregateGroup g = factory.apply(key);
    byTuple.put(tuple, g);
    return g;
  }

  /** Reads row {@code r}'s key columns into {@link #tuple}; false when one is NULL. */
  private boolean tupleOf(ZBatch b, int r) {
    for (int k = 0; k < keys.length; k++) {
      if (b.isNull(keys[k], r)) {
        return false;
      }
      Object col = b.column(keys[k]);
      tuple[k] = col instanceof long[] a ? a[r] : ((int[]) col)[r];
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

  /** Every group, in no particular order. */
  java.util.List<AggregateGroup> all() {
    java.util.List<AggregateGroup> all = new java.util.ArrayList<>(byRow.values());
    if (byTuple != null) {
      byTuple.forEachValue(all::add);
    }
    return all;
  }

  void remove(AggregateGroup g) {
    if (!primitive || !tupleOf(g.key)) {
      byRow.remove(g.key);
    } else {
      byTuple.remove(tuple);
    }
  }

  int size() {
    return byRow.size() + (byTuple != null ? byTuple.size() : 0);
  }
}
