package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.state.LongHashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The groups of an {@link AggregateOperator} by key, found from a batch row. A single BIGINT, INT,
 * TIMESTAMP or DATE key is looked up by its primitive value without boxing (a NULL key has its
 * own slot); any other key is boxed into a {@link Row}. Not thread-safe.
 */
final class GroupIndex {
  private final int[] keys;
  private final int longKey;
  private final Function<Row, AggregateGroup> factory;
  private final Map<Row, AggregateGroup> byRow = new HashMap<>();
  private final LongHashMap<AggregateGroup> byLong = new LongHashMap<>();
  private AggregateGroup nullKey;

  /** {@code factory} makes the empty group of a key not seen yet. */
  GroupIndex(RowType input, int[] keys, Function<Row, AggregateGroup> factory) {
    this.keys = keys;
    this.factory = factory;
    boolean primitive = keys.length == 1
        && (input.type(keys[0]).kind().isLongBacked() || input.type(keys[0]).kind().isIntBacked());
    this.longKey = primitive ? keys[0] : -1;
  }

  /** The group of row {@code r} of {@code b}, created if new. */
  AggregateGroup find(ZBatch b, int r) {
    if (longKey < 0) {
      return byRow.computeIfAbsent(Row.project(b, r, keys), factory);
    }
    if (b.isNull(longKey, r)) {
      if (nullKey == null) {
        nullKey = factory.apply(Row.project(b, r, keys));
      }
      return nullKey;
    }
    Object col = b.column(longKey);
    long k = col instanceof long[] a ? a[r] : ((int[]) col)[r];
    AggregateGroup g = byLong.get(k);
    if (g == null) {
      g = factory.apply(Row.project(b, r, keys));
      byLong.put(k, g);
    }
    return g;
  }

  /** The group of {@code key}, created if new (restoring a checkpoint). */
  AggregateGroup find(Row key) {
    if (longKey < 0) {
      return byRow.computeIfAbsent(key, factory);
    }
    if (key.get(0) == null) {
      if (nullKey == null) {
        nullKey = factory.apply(key);
      }
      return nullKey;
    }
    long k = ((Number) key.get(0)).longValue();
    AggregateGroup g = byLong.get(k);
    if (g == null) {
      g = factory.apply(key);
      byLong.put(k, g);
    }
    return g;
  }

  /** Every group, in no particular order. */
  java.util.List<AggregateGroup> all() {
    java.util.List<AggregateGroup> all = new java.util.ArrayList<>(byRow.values());
    byLong.forEachValue(all::add);
    if (nullKey != null) {
      all.add(nullKey);
    }
    return all;
  }

  void remove(AggregateGroup g) {
    if (longKey < 0) {
      byRow.remove(g.key);
    } else if (g.key.get(0) == null) {
      nullKey = null;
    } else {
      byLong.remove(((Number) g.key.get(0)).longValue());
    }
  }

  int size() {
    return byRow.size() + byLong.size() + (nullKey == null ? 0 : 1);
  }
}
