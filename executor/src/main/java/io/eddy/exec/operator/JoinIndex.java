package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.RowSlab;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.state.HashSlots;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * One input's rows of a {@link JoinOperator} (or an {@link ArrangeOperator}), indexed by
 * normalized join key. Each distinct row is an <em>entry</em>, an int id, with its multiplicity
 * and, for an outer/semi/anti side, how much of the other side matches it and how much of its
 * unmatched output is emitted.
 *
 * <p>Stored by column, with no object per entry (a join side may hold millions of rows): the rows
 * in a {@link RowSlab}, the counters in arrays by id, the entries of a key on a doubly linked
 * chain ({@link #first}, {@link #next}) whose head a {@link HashSlots} table finds by key hash, and
 * every entry in a second table by row hash (so a retraction finds its row without walking the
 * key's chain). A key's stored values are compared with a probe's normalized key as
 * {@link JoinKeys} normalizes them.
 *
 * <p>An entry whose multiplicity reaches 0 leaves the index (no lookup or walk finds it), but its
 * id and row stay readable while the caller holds it: while it is {@link #touch touched} (until
 * {@link #untouch}) or on a time index (until {@link #expire}). Only then is the id reused. Not
 * thread-safe.
 */
final class JoinIndex {
  /** Entries of one key beyond which a range probe makes the key's {@link RangeList}. */
  private static final int LIST_AFTER = 64;
  private static final byte LIVE = 1;
  private static final byte TOUCHED = 2;
  private static final byte TIMED = 4;

  /** The hash of a NULL value ({@link #hash}). */
  private static final long NULL_HASH = 0x632BE59BD9B4E019L;

  private final int[] keyColumns;
  /** 0, 1, ... per column of a row: where {@link RowSlab#set(int, ZBatch, int, int[])} takes a whole row from. */
  private final int[] allColumns;
  private final boolean[] nullsEqual;
  private final boolean tracks;
  /** Whether the input never retracts: every add is a new entry, and no table finds rows. */
  private final boolean insertOnly;
  private final RowSlab rows;
  private final HashSlots byKey = new HashSlots();
  private final HashSlots byRow = new HashSlots();
  private int[] next;
  private int[] prev;
  private int[] keyHash;
  private int[] rowHash;
  private long[] weight;
  private long[] matches;
  private long[] emitted;
  private byte[] flags;
  /**
   * With a range column (an integral column a {@link JoinRange} compares): per id, the list of its
   * key's entries by that column's value (null until a range probe met the key with more than
   * {@link #LIST_AFTER} entries), and its position there (-1 when NULL); arrays null otherwise.
   */
  private final int rangeColumn;
  private RangeList[] rangeListOf;
  private int[] rangePos;
  /** Ids ever handed out; ids below it are live, held (dead but touched or timed) or free. */
  private int used;
  /** The first free id (the rest follow through {@link #next}), or -1. */
  private int free = -1;
  private long entries;

  /**
   * @param type the indexed rows' type
   * @param keyColumns the key columns of a row
   * @param tracksMatches whether entries count matches and emitted unmatched output (outer, SEMI, ANTI sides)
   */
  JoinIndex(RowType type, int[] keyColumns, boolean tracksMatches) {
    this(type, keyColumns, tracksMatches, false);
  }

  /**
   * As the three-argument constructor; {@code insertOnly} says the input never retracts (the
   * planner proved it): then a row added twice is two entries of multiplicity 1 each (the join's
   * output is the same), so an add costs no lookup of the row and the index keeps no table of
   * rows; a retraction is a bug and fails.
   */
  JoinIndex(RowType type, int[] keyColumns, boolean tracksMatches, boolean insertOnly) {
    this(type, keyColumns, tracksMatches, insertOnly, -1);
  }

  /**
   * As the four-argument constructor; {@code rangeColumn} (or -1) is a column a {@link JoinRange}
   * compares: when integral, a key that a range probe finds with many entries also keeps their
   * values of it in one array from then on, so that {@link #forEachInRange} reads them in sequence
   * instead of following the key's chain row by row (Nexmark q5: a window's new maximum count is
   * compared with every auction's count of the window, 100 k of them; by the chain that took 60 ms).
   */
  JoinIndex(RowType type, int[] keyColumns, boolean tracksMatches, boolean insertOnly, int rangeColumn) {
    this.insertOnly = insertOnly;
    this.rangeColumn = rangeColumn >= 0 && (type.type(rangeColumn).kind().isLongBacked()
        || type.type(rangeColumn).kind().isIntBacked()) ? rangeColumn : -1;
    this.keyColumns = keyColumns.clone();
    this.allColumns = new int[type.size()];
    Arrays.setAll(allColumns, c -> c);
    this.nullsEqual = new boolean[keyColumns.length];
    Arrays.fill(nullsEqual, true);
    this.tracks = tracksMatches;
    this.rows = new RowSlab(type, 16);
    allocate(16);
  }

  private void allocate(int cap) {
    next = grow(next, cap);
    prev = grow(prev, cap);
    keyHash = grow(keyHash, cap);
    rowHash = grow(rowHash, cap);
    weight = grow(weight, cap);
    matches = tracks ? grow(matches, cap) : null;
    emitted = tracks ? grow(emitted, cap) : null;
    flags = flags == null ? new byte[cap] : Arrays.copyOf(flags, cap);
    if (rangeColumn >= 0) {
      rangeListOf = rangeListOf == null ? new RangeList[cap] : Arrays.copyOf(rangeListOf, cap);
      rangePos = grow(rangePos, cap);
    }
    rows.ensureCapacity(cap);
  }

  private static int[] grow(int[] a, int cap) {
    return a == null ? new int[cap] : Arrays.copyOf(a, cap);
  }

  private static long[] grow(long[] a, int cap) {
    return a == null ? new long[cap] : Arrays.copyOf(a, cap);
  }

  /**
   * A hash of {@code row}'s values that spreads rows differing in several columns ({@link Row#hashCode}
   * is {@code 31 * h + v}: a count one higher and an auction id 31 lower collide, as in Nexmark q5).
   * Integral values enter whole, others by their {@code hashCode}.
   */
  static int hash(Row row) {
    long h = 0;
    for (int c = 0; c < row.arity(); c++) {
      Object v = row.get(c);
      h = mix(h, v == null ? NULL_HASH : v instanceof Long l ? l : v instanceof Integer i ? i : v.hashCode());
    }
    return (int) h;
  }

  /** {@link #hash} of row {@code r} of {@code b} ({@code Row.from(b, r)}), without boxing its primitive columns. */
  static int rowHash(ZBatch b, int r) {
    long h = 0;
    for (int c = 0; c < b.arity(); c++) {
      h = mix(h, valueHash(b, c, r, false));
    }
    return (int) h;
  }

  /**
   * {@link #hash} of the normalized key that columns {@code cols} of row {@code r} of {@code b}
   * make ({@link JoinKeys#of}), without boxing integral columns.
   */
  static int keyHash(ZBatch b, int r, int[] cols) {
    long h = 0;
    for (int c : cols) {
      h = mix(h, valueHash(b, c, r, true));
    }
    return (int) h;
  }

  /** What {@link #hash} mixes in for the value at column {@code c} of row {@code r}, normalized ({@link JoinKeys#normalize}) or not. */
  private static long valueHash(ZBatch b, int c, int r, boolean normalized) {
    if (b.isNull(c, r)) {
      return NULL_HASH;
    }
    Object col = b.column(c);
    if (col instanceof long[] a) {
      return a[r];
    } else if (col instanceof int[] a) {
      return a[r];
    }
    Object v = b.get(c, r);
    return (normalized ? JoinKeys.normalize(v) : v).hashCode();
  }

  private static long mix(long h, long x) {
    h = (h + x) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 32);
  }

  /** The first entry under {@code key}, or -1; the others follow through {@link #next}. */
  int first(Row key) {
    int h = hash(key);
    for (int s = byKey.first(h); s >= 0; s = byKey.next(s, h)) {
      int head = byKey.id(s);
      if (keyEquals(head, key)) {
        return head;
      }
    }
    return -1;
  }

  /**
   * The first entry under the key that columns {@code cols} of row {@code r} of {@code b} make
   * (of the key columns' families, in key order), whose {@link #keyHash} is {@code h}; or -1.
   */
  int first(ZBatch b, int r, int[] cols, int h) {
    for (int s = byKey.first(h); s >= 0; s = byKey.next(s, h)) {
      int head = byKey.id(s);
      if (keyEquals(head, b, r, cols)) {
        return head;
      }
    }
    return -1;
  }

  /** The entry after {@code id} under its key, or -1. */
  int next(int id) {
    return next[id];
  }

  private boolean keyEquals(int id, Row key) {
    for (int i = 0; i < keyColumns.length; i++) {
      int c = keyColumns[i];
      Object k = key.get(i);
      if (k == null || rows.isNull(id, c)) {
        if (k != null || !rows.isNull(id, c)) {
          return false;
        }
      } else if (rows.isIntegral(c)) {
        if (!(k instanceof Long l) || rows.getLong(id, c) != l) {
          return false;
        }
      } else if (k instanceof String ? !rows.valueEquals(id, c, k) : !k.equals(JoinKeys.normalize(rows.get(id, c)))) {
        return false;
      }
    }
    return true;
  }

  private boolean keyEquals(int id, ZBatch b, int r, int[] cols) {
    for (int i = 0; i < keyColumns.length; i++) {
      int c = keyColumns[i];
      int p = cols[i];
      boolean storedNull = rows.isNull(id, c);
      if (storedNull || b.isNull(p, r)) {
        if (!storedNull || !b.isNull(p, r)) {
          return false;
        }
        continue;
      }
      Object col = b.column(p);
      if (rows.isIntegral(c) && (col instanceof long[] || col instanceof int[])) {
        long v = col instanceof long[] a ? a[r] : ((int[]) col)[r];
        if (rows.getLong(id, c) != v) {
          return false;
        }
      } else {
        Object k = JoinKeys.normalize(b.get(p, r));
        if (k instanceof String ? !rows.valueEquals(id, c, k) : !k.equals(JoinKeys.normalize(rows.get(id, c)))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Calls {@code action} for the entries under {@code key} whose column {@code column} compares
   * with {@code value} as {@code op} says ({@code column op value}: none when either is NULL). A
   * scan of the key's chain with a cheap test, which spares the rows that fail it being paired and
   * run through the residual (do not modify the index meanwhile).
   */
  void forEachInRange(Row key, int column, JoinRange.Op op, Object value, IntConsumer action) {
    forEachInRange(first(key), column, op, value, action);
  }

  /** As {@link #forEachInRange(Row, int, JoinRange.Op, Object, IntConsumer)}, for the key whose first entry is {@code head} (-1 for none). */
  void forEachInRange(int head, int column, JoinRange.Op op, Object value, IntConsumer action) {
    if (value == null) {
      return;
    }
    if (rows.isIntegral(column) && value instanceof Number n) {
      forEachInRange(head, column, op, n.longValue(), action);
      return;
    }
    for (int e = head; e >= 0; e = next[e]) {
      if (op.holds(rows.get(e, column), value)) {
        action.accept(e);
      }
    }
  }

  /**
   * As {@link #forEachInRange(int, int, JoinRange.Op, Object, IntConsumer)} for an {@link
   * #isIntegral} column and a value that is not NULL, without boxing it.
   */
  void forEachInRange(int head, int column, JoinRange.Op op, long v, IntConsumer action) {
    boolean listed = column == rangeColumn && head >= 0;
    if (listed && rangeListOf[head] != null) {
      rangeListOf[head].forEach(op, v, action);
      return;
    }
    int walked = 0;
    for (int e = head; e >= 0; e = next[e], walked++) {
      if (!rows.isNull(e, column) && op.holds(rows.getLong(e, column), v)) {
        action.accept(e);
      }
    }
    if (listed && walked > LIST_AFTER) {
      makeList(head); // the next probe of this key reads the list
    }
  }

  /** Whether column {@code c} of the stored rows is integral (BIGINT, INT, TIMESTAMP, DATE). */
  boolean isIntegral(int c) {
    return rows.isIntegral(c);
  }


  /** The live entry of {@code row}, or -1 (not on an insert-only index, which cannot look rows up). */
  int find(Row row) {
    if (insertOnly) {
      throw new IllegalStateException("an insert-only join index does not look rows up");
    }
    int h = hash(row);
    for (int s = byRow.first(h); s >= 0; s = byRow.next(s, h)) {
      int id = byRow.id(s);
      if (rows.rowEquals(id, row)) {
        return id;
      }
    }
    return -1;
  }

  /** The live entry of row {@code r} of {@code b}, whose {@link #rowHash} is {@code h}, or -1 (as {@link #find(Row)}). */
  private int find(ZBatch b, int r, int h) {
    for (int s = byRow.first(h); s >= 0; s = byRow.next(s, h)) {
      int id = byRow.id(s);
      if (rows.rowEquals(id, b, r)) {
        return id;
      }
    }
    return -1;
  }

  /**
   * As {@link #add(Row, Row, long, long)} for row {@code r} of {@code b} (of this index's type),
   * whose key columns are not NULL where NULLs do not match and make a key of {@link #keyHash}
   * {@code keyHashOf}: without boxing the row.
   */
  int add(ZBatch b, int r, int keyHashOf, long w, long matches) {
    if (insertOnly && w < 0) {
      throw new IllegalStateException("a retraction reached an insert-only join input: " + Row.from(b, r));
    }
    int rowHashOf = insertOnly ? 0 : rowHash(b, r);
    int id = insertOnly ? -1 : find(b, r, rowHashOf);
    if (id < 0) {
      int head = first(b, r, keyColumns, keyHashOf);
      id = allocateId();
      rows.set(id, b, r, allColumns);
      link(id, head, keyHashOf, rowHashOf);
      if (tracks) {
        this.matches[id] = matches;
      }
    }
    return settle(id, w);
  }

  /**
   * Adds {@code w} to the multiplicity of {@code row} (key {@code key}); a new entry starts with
   * {@code matches}. Returns the entry, which has left the index if its multiplicity reached 0. On
   * a side that tracks matches such an entry stays readable until the caller has {@link #touch
   * touched} and {@link #untouch untouched} it (a join reconciles every entry it adds there); on
   * other sides its id is free at once unless timed.
   */
  int add(Row key, Row row, long w, long matches) {
    if (insertOnly && w < 0) {
      throw new IllegalStateException("a retraction reached an insert-only join input: " + row);
    }
    int id = insertOnly ? -1 : find(row);
    if (id < 0) {
      id = insert(key, row);
      if (tracks) {
        this.matches[id] = matches;
      }
    }
    return settle(id, w);
  }

  /** Adds {@code w} to entry {@code id}'s multiplicity, taking it out of the index at 0; returns {@code id}. */
  private int settle(int id, long w) {
    weight[id] += w;
    if (weight[id] == 0) {
      unlink(id);
      if (!tracks) {
        release(id);
      }
    }
    return id;
  }

  private int insert(Row key, Row row) {
    int head = first(key);
    int id = allocateId();
    rows.set(id, row);
    link(id, head, hash(key), insertOnly ? 0 : hash(row));
    return id;
  }

  /**
   * Makes {@code id}, whose row is stored, a live entry of multiplicity 0 under its key, whose
   * first entry is {@code head} (-1 for a new key), with the given hashes (the row's unused on an
   * insert-only index).
   */
  private void link(int id, int head, int keyHashOf, int rowHashOf) {
    keyHash[id] = keyHashOf;
    rowHash[id] = rowHashOf;
    weight[id] = 0;
    if (tracks) {
      emitted[id] = 0;
    }
    flags[id] = LIVE;
    if (!insertOnly) {
      byRow.add(rowHash[id], id);
    }
    if (head < 0) {
      next[id] = -1;
      prev[id] = -1;
      byKey.add(keyHash[id], id);
    } else {
      // after the head, so the table keeps pointing at the head
      next[id] = next[head];
      prev[id] = head;
      if (next[head] >= 0) {
        prev[next[head]] = id;
      }
      next[head] = id;
    }
    if (rangeColumn >= 0) {
      RangeList list = head < 0 ? null : rangeListOf[head];
      if (list != null) {
        addToList(list, id);
      }
    }
    entries++;
  }

  private int allocateId() {
    if (free >= 0) {
      int id = free;
      free = next[id];
      return id;
    }
    if (used == flags.length) {
      allocate(used + (used >> 1));
    }
    return used++;
  }

  /** Takes a live entry out of both tables and its key's chain. */
  private void unlink(int id) {
    if (!insertOnly) {
      byRow.remove(byRow.slotOf(rowHash[id], id));
    }
    int p = prev[id];
    int n = next[id];
    if (p >= 0) {
      next[p] = n;
    } else {
      int s = byKey.slotOf(keyHash[id], id);
      if (n >= 0) {
        byKey.replace(s, n);
      } else {
        byKey.remove(s);
      }
    }
    if (n >= 0) {
      prev[n] = p;
    }
    if (rangeColumn >= 0 && rangeListOf[id] != null) {
      if (rangePos[id] >= 0) {
        int moved = rangeListOf[id].removeAt(rangePos[id]);
        if (moved >= 0) {
          rangePos[moved] = rangePos[id];
        }
      }
      rangeListOf[id] = null;
    }
    weight[id] = 0;
    flags[id] &= ~LIVE;
    entries--;
  }

  /** Frees a dead entry's id unless someone still holds it. */
  private void release(int id) {
    if (flags[id] == 0) {
      rows.clear(id);
      next[id] = free;
      free = id;
    }
  }

  long weight(int id) {
    return weight[id];
  }

  long matches(int id) {
    return matches[id];
  }

  void addMatches(int id, long m) {
    matches[id] += m;
  }

  long emitted(int id) {
    return emitted[id];
  }

  void setEmitted(int id, long w) {
    emitted[id] = w;
  }

  /** Marks {@code id} touched; false if it already was. */
  boolean touch(int id) {
    boolean was = (flags[id] & TOUCHED) != 0;
    flags[id] |= TOUCHED;
    return !was;
  }

  /** Clears the touched mark (a dead entry's id is then reused). */
  void untouch(int id) {
    flags[id] &= ~TOUCHED;
    release(id);
  }

  /** Whether {@code id} is on a time index. */
  boolean timed(int id) {
    return (flags[id] & TIMED) != 0;
  }

  void markTimed(int id) {
    flags[id] |= TIMED;
  }

  /** Takes a timed entry off the time index, removing it if still live (state freed by time). */
  void expire(int id) {
    if ((flags[id] & LIVE) != 0) {
      unlink(id);
    }
    flags[id] &= ~TIMED;
    release(id);
  }

  /** Whether {@code id} is still indexed. */
  boolean live(int id) {
    return (flags[id] & LIVE) != 0;
  }

  /** The row of {@code id}, boxed. */
  Row row(int id) {
    return rows.row(id);
  }

  /** Writes {@code id}'s row into fields {@code offset..} of {@code to}'s current row. */
  void copyTo(int id, BatchBuilder to, int offset) {
    rows.copyTo(id, to, offset);
  }

  /** The normalized key of {@code id}'s row. */
  Row key(int id) {
    return JoinKeys.of(rows.row(id), keyColumns, nullsEqual);
  }

  /** Removes every entry. */
  void clear() {
    byKey.clear();
    byRow.clear();
    Arrays.fill(flags, 0, used, (byte) 0);
    if (rangeListOf != null) {
      Arrays.fill(rangeListOf, 0, used, null);
    }
    for (int id = 0; id < used; id++) {
      rows.clear(id);
    }
    used = 0;
    free = -1;
    entries = 0;
  }

  /** Writes every entry: key, row, multiplicity, matches and emitted unmatched weight. */
  void snapshot(StateOutput out) {
    out.writeLong(entries);
    forEach(id -> out.writeRow(key(id)).writeRow(row(id)).writeLong(weight[id])
        .writeLong(tracks ? matches[id] : 0).writeLong(tracks ? emitted[id] : 0));
  }

  /** Replaces the (empty) index with what {@link #snapshot} wrote. */
  void restore(StateInput in) {
    clear();
    long n = in.readLong();
    for (long i = 0; i < n; i++) {
      Row key = in.readRow();
      int id = insert(key, in.readRow());
      weight[id] = in.readLong();
      long m = in.readLong();
      long e = in.readLong();
      if (tracks) {
        matches[id] = m;
        emitted[id] = e;
      }
    }
  }

  /** Calls {@code action} for every live entry (do not modify the index meanwhile). */
  void forEach(IntConsumer action) {
    for (int id = 0; id < used; id++) {
      if ((flags[id] & LIVE) != 0) {
        action.accept(id);
      }
    }
  }

  /**
   * An estimate of the bytes held: per entry its row, links, hashes and counters, and its slots in
   * the two hash tables (at most 2/3 full).
   */
  long bytes() {
    return entries * (rows.bytesPerRow() + 4 * 4 + 8 + 1 + (tracks ? 16 : 0) + 2 * 12);
  }

  /** Distinct rows held. */
  long entries() {
    return entries;
  }

  private void addToList(RangeList list, int id) {
    rangeListOf[id] = list;
    rangePos[id] = rows.isNull(id, rangeColumn) ? -1 : list.add(id, rows.getLong(id, rangeColumn));
  }

  /** Makes the range list of the key whose chain starts at {@code head}; kept up to date from then on. */
  private void makeList(int head) {
    RangeList list = new RangeList();
    for (int e = head; e >= 0; e = next[e]) {
      addToList(list, e);
    }
  }

  /** One key's entries with their range column's value, in no order; removal moves the last into the gap. */
  private static final class RangeList {
    private long[] values = new long[4];
    private int[] ids = new int[4];
    private int size;

    /** Adds {@code id} with {@code value}; returns its position. */
    int add(int id, long value) {
      if (size == ids.length) {
        values = Arrays.copyOf(values, 2 * size);
        ids = Arrays.copyOf(ids, 2 * size);
      }
      values[size] = value;
      ids[size] = id;
      return size++;
    }

    /** Removes the entry at {@code pos}; returns the id moved into it, or -1 if none moved. */
    int removeAt(int pos) {
      int last = --size;
      if (pos == last) {
        return -1;
      }
      values[pos] = values[last];
      ids[pos] = ids[last];
      return ids[pos];
    }

    void forEach(JoinRange.Op op, long v, IntConsumer action) {
      for (int i = 0; i < size; i++) {
        if (op.holds(values[i], v)) {
          action.accept(ids[i]);
        }
      }
    }
  }
}
