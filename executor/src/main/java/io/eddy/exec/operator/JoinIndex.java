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

  /** The entries of a key with several distinct rows, and the key itself (shared by its entries). */
  private static final class Bucket extends HashMap<Row, Entry> {
    final Row key;

    Bucket(Row key) {
      super(4);
      this.key = key;
    }
  }

  /**
   * Key -> its entries: the one {@link Entry} of a key with one distinct row (most keys of a
   * near-unique join key), else a {@link Bucket} of them. A map per key would cost three objects
   * and a table even for one row.
   */
  private final Map<Row, Object> buckets = new HashMap<>();
  private long entries;

  /** The entries whose key is {@code key} (live view; do not modify while iterating). */
  Collection<Entry> bucket(Row key) {
    return entriesOf(buckets.get(key));
  }

  /**
   * Calls {@code action} for the entries whose key is {@code key} and whose column {@code column}
   * compares with {@code value} as {@code op} says ({@code column op value}: none when either is
   * NULL). A scan of the bucket with a cheap test, which spares the rows that fail it being paired
   * and run through the residual (do not modify the index meanwhile).
   */
  void forEachInRange(Row key, int column, JoinRange.Op op, Object value, Consumer<Entry> action) {
    if (value == null) {
      return;
    }
    for (Entry e : bucket(key)) {
      if (op.holds(e.row.get(column), value)) {
        action.accept(e);
      }
    }
  }

  /** The entry of {@code row} under {@code key}, or null when it is not indexed. */
  Entry get(Row key, Row row) {
    return find(buckets.get(key), row);
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
    Object b = buckets.get(key);
    Entry e = find(b, row);
    if (e == null) {
      // the entries of a key share one key row: the caller's is one per input row
      e = new Entry(b instanceof Entry one ? one.key : b instanceof Bucket m ? m.key : key, row);
      e.matches = matches;
      put(key, b, e);
      entries++;
    }
    e.weight += w;
    if (e.weight == 0) {
      remove(e);
    }
    return e;
  }

  /** Removes {@code e} whatever its multiplicity, if it is still indexed (state freed by time). */
  void remove(Entry e) {
    Object b = buckets.get(e.key);
    if (b == e) {
      buckets.remove(e.key);
      entries--;
    } else if (b instanceof Bucket m && m.get(e.row) == e) {
      m.remove(e.row);
      entries--;
      if (m.size() == 1) {
        buckets.put(e.key, m.values().iterator().next());
      }
    }
  }

  private void put(Row key, Object bucket, Entry e) {
    if (bucket == null) {
      buckets.put(key, e);
    } else if (bucket instanceof Entry one) {
      Bucket m = new Bucket(one.key);
      m.put(one.row, one);
      m.put(e.row, e);
      buckets.put(one.key, m);
    } else {
      ((Bucket) bucket).put(e.row, e);
    }
  }

  /** The entry of {@code row} in {@code bucket} (a value of {@link #buckets}, or null), or null. */
  private static Entry find(Object bucket, Row row) {
    if (bucket instanceof Entry one) {
      return one.row.equals(row) ? one : null;
    }
    return bucket == null ? null : ((Bucket) bucket).get(row);
  }

  private static Collection<Entry> entriesOf(Object bucket) {
    return bucket == null ? List.of() : bucket instanceof Entry e ? List.of(e) : ((Bucket) bucket).values();
  }

  /** Writes every entry: key, row, multiplicity, matches and emitted unmatched weight. */
  void snapshot(io.eddy.exec.state.StateOutput out) {
    out.writeLong(entries);
    forEach(e -> out.writeRow(e.key).writeRow(e.row).writeLong(e.weight).writeLong(e.matches).writeLong(e.emitted));
  }

  /** Replaces the (empty) index with what {@link #snapshot} wrote. */
  void restore(io.eddy.exec.state.StateInput in) {
    clear();
    long n = in.readLong();
    entries = n;
    for (long i = 0; i < n; i++) {
      Row key = in.readRow();
      Entry e = new Entry(key, in.readRow());
      e.weight = in.readLong();
      e.matches = in.readLong();
      e.emitted = in.readLong();
      put(key, buckets.get(key), e);
    }
  }

  /** Calls {@code action} for every indexed entry (do not modify the index meanwhile). */
  void forEach(java.util.function.Consumer<Entry> action) {
    buckets.values().forEach(b -> entriesOf(b).forEach(action));
  }

  /** Distinct rows held. */
  long entries() {
    return entries;
  }
}
