package io.eddy.exec.operator;

import io.eddy.exec.batch.Row;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One input's rows of a {@link JoinOperator}, indexed by normalized join key: key -> row -> entry.
 * An entry holds the row's multiplicity and, for an outer/semi/anti side, how much of the other
 * side matches it. Entries whose multiplicity reaches 0 leave the index. Not thread-safe.
 */
final class JoinIndex {
  /** A distinct row of one input and what the join knows about it. */
  static final class Entry {
    final Row key;
    final Row row;
    /** The row's multiplicity in the input (> 0 while indexed). */
    long weight;
    /** Sum of the multiplicities of the other input's rows that match this one (tracked sides only). */
    long matches;
    /** Weight of this row's unmatched output (padded row, SEMI/ANTI row) currently emitted. */
    long emitted;
    /** Whether the entry is on the operator's list of entries to reconcile after the batch. */
    boolean touched;
    /** Whether the entry is registered with a {@link JoinExpiry}. */
    boolean timed;

    Entry(Row key, Row row) {
      this.key = key;
      this.row = row;
    }
  }

  private final Map<Row, Map<Row, Entry>> buckets = new HashMap<>();
  private long entries;

  /** The entries whose key is {@code key} (live view; do not modify while iterating). */
  Collection<Entry> bucket(Row key) {
    Map<Row, Entry> b = buckets.get(key);
    return b == null ? List.of() : b.values();
  }

  /**
   * Calls {@code action} for the entries whose key is {@code key} and whose column {@code column}
   * compares with {@code value} as {@code op} says ({@code column op value}: none when either is
   * NULL). A scan of the bucket with a cheap test, which spares the rows that fail it being paired
   * and run through the residual (do not modify the index meanwhile).
   */
  void forEachInRange(Row key, int column, JoinRange.Op op, Object value, Consumer<Entry> action) {
    Map<Row, Entry> b = value == null ? null : buckets.get(key);
    if (b != null) {
      for (Entry e : b.values()) {
        if (op.holds(e.row.get(column), value)) {
          action.accept(e);
        }
      }
    }
  }

  /** The entry of {@code row} under {@code key}, or null when it is not indexed. */
  Entry get(Row key, Row row) {
    Map<Row, Entry> b = buckets.get(key);
    return b == null ? null : b.get(row);
  }

  /** Removes every entry. */
  void clear() {
    buckets.clear();
    entries = 0;
  }

  /**
   * Adds {@code w} to the multiplicity of {@code row} (key {@code key}); a new entry starts with
   * {@code matches}. Returns the entry, which has left the index if its multiplicity reached 0.
   */
  Entry add(Row key, Row row, long w, long matches) {
    Map<Row, Entry> b = buckets.computeIfAbsent(key, k -> new HashMap<>());
    Entry e = b.get(row);
    if (e == null) {
      e = new Entry(key, row);
      e.matches = matches;
      b.put(row, e);
      entries++;
    }
    e.weight += w;
    if (e.weight == 0) {
      b.remove(row);
      entries--;
      if (b.isEmpty()) {
        buckets.remove(key);
      }
    }
    return e;
  }

  /** Removes {@code e} whatever its multiplicity, if it is still indexed (state freed by time). */
  void remove(Entry e) {
    Map<Row, Entry> b = buckets.get(e.key);
    if (b != null && b.get(e.row) == e) {
      b.remove(e.row);
      entries--;
      if (b.isEmpty()) {
        buckets.remove(e.key);
      }
    }
  }

  /** Writes every entry: key, row, multiplicity, matches and emitted unmatched weight. */
  void snapshot(io.eddy.exec.state.StateOutput out) {
    out.writeLong(entries);
    buckets.forEach((key, b) -> b.values().forEach(e ->
        out.writeRow(key).writeRow(e.row).writeLong(e.weight).writeLong(e.matches).writeLong(e.emitted)));
  }

  /** Replaces the (empty) index with what {@link #snapshot} wrote. */
  void restore(io.eddy.exec.state.StateInput in) {
    buckets.clear();
    entries = in.readLong();
    for (long i = 0; i < entries; i++) {
      Row key = in.readRow();
      Entry e = new Entry(key, in.readRow());
      e.weight = in.readLong();
      e.matches = in.readLong();
      e.emitted = in.readLong();
      buckets.computeIfAbsent(key, k -> new HashMap<>()).put(e.row, e);
    }
  }

  /** Calls {@code action} for every indexed entry (do not modify the index meanwhile). */
  void forEach(java.util.function.Consumer<Entry> action) {
    buckets.values().forEach(b -> b.values().forEach(action));
  }

  /** Distinct rows held. */
  long entries() {
    return entries;
  }
}
