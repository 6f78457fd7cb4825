package io.eddy.exec.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The time index of a time-bounded {@link JoinOperator}: per side, its indexed entries by the
 * value of the side's {@link TimeBound} column, so that the watermark can free the entries that
 * can no longer match. Entries that left the index by retraction stay here until their time
 * passes and are skipped then, so the index's entries, each with its row's time, are all it
 * holds that matters: a checkpoint saves the index and {@link #rebuild}s this from it. Plain
 * fields only; not thread-safe.
 */
final class JoinExpiry {
  private final List<TreeMap<Long, List<JoinIndex.Entry>>> byTime = List.of(new TreeMap<>(), new TreeMap<>());

  /** Registers a new entry of side {@code port} whose time is {@code time}. */
  void added(int port, long time, JoinIndex.Entry e) {
    e.timed = true;
    byTime.get(port).computeIfAbsent(time, t -> new ArrayList<>(2)).add(e);
  }

  /**
   * Replaces side {@code port}'s time index by the entries of {@code index} (after a restore):
   * {@code timeOf} gives each entry's time. The retracted entries the original still held here are
   * left out, which frees nothing different: {@link #expire} skips them.
   */
  void rebuild(int port, JoinIndex index, java.util.function.ToLongFunction<JoinIndex.Entry> timeOf) {
    byTime.get(port).clear();
    index.forEach(e -> added(port, timeOf.applyAsLong(e), e));
  }

  /** Frees from {@code index} every entry of side {@code port} whose time is below {@code threshold}. */
  void expire(int port, long threshold, JoinIndex index) {
    TreeMap<Long, List<JoinIndex.Entry>> m = byTime.get(port);
    while (!m.isEmpty() && m.firstKey() < threshold) {
      Map.Entry<Long, List<JoinIndex.Entry>> first = m.pollFirstEntry();
      for (JoinIndex.Entry e : first.getValue()) {
        index.remove(e);
      }
    }
  }
}
