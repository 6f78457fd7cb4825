package io.eddy.exec.operator;

import io.eddy.exec.state.IntList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;

/**
 * The time index of a time-bounded {@link JoinOperator}: per side, its indexed entries by the
 * value of the side's {@link TimeBound} column, so that the watermark can free the entries that
 * can no longer match. Entries that left the index by retraction stay here (their ids held, see
 * {@link JoinIndex#markTimed}) until their time passes and are released then, so the index's
 * entries, each with its row's time, are all it holds that matters: a checkpoint saves the index
 * and {@link #rebuild}s this from it. Plain fields only; not thread-safe.
 */
final class JoinExpiry {
  private final List<TreeMap<Long, IntList>> byTime = List.of(new TreeMap<>(), new TreeMap<>());
  /** Per side, the time last registered and its list (rows mostly come in time order), or null. */
  private final long[] lastTime = new long[2];
  private final IntList[] lastIds = new IntList[2];

  /** Registers a new entry of side {@code port} (in {@code index}) whose time is {@code time}. */
  void added(int port, long time, JoinIndex index, int id) {
    index.markTimed(id);
    if (lastIds[port] == null || lastTime[port] != time) {
      lastIds[port] = byTime.get(port).computeIfAbsent(time, t -> new IntList(2));
      lastTime[port] = time;
    }
    lastIds[port].add(id);
  }

  /**
   * Replaces side {@code port}'s time index by the entries of {@code index} (after a restore):
   * {@code timeOf} gives each entry's time. The retracted entries the original still held here are
   * left out, which frees nothing different.
   */
  void rebuild(int port, JoinIndex index, IntToLongFunction timeOf) {
    byTime.get(port).clear();
    lastIds[port] = null;
    index.forEach(id -> added(port, timeOf.applyAsLong(id), index, id));
  }

  /** Frees from {@code index} every entry of side {@code port} whose time is below {@code threshold}. */
  void expire(int port, long threshold, JoinIndex index) {
    TreeMap<Long, IntList> m = byTime.get(port);
    while (!m.isEmpty() && m.firstKey() < threshold) {
      Map.Entry<Long, IntList> first = m.pollFirstEntry();
      IntList ids = first.getValue();
      if (ids == lastIds[port]) {
        lastIds[port] = null; // no longer in the map
      }
      for (int i = 0; i < ids.size(); i++) {
        index.expire(ids.get(i));
      }
    }
  }
}
