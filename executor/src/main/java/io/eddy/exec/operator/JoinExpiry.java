package io.eddy.exec.operator;

import io.eddy.exec.state.DueQueue;
import java.util.function.IntToLongFunction;

/**
 * The time index of a time-bounded {@link JoinOperator}: per side, its indexed entries by the
 * value of the side's {@link TimeBound} column, so that the watermark can free the entries that
 * can no longer match. Entries that left the index by retraction stay here (their ids held, see
 * {@link JoinIndex#markTimed}) until their time passes and are released then, so the index's
 * entries, each with its row's time, are all it holds that matters: a checkpoint saves the index
 * and {@link #rebuild}s this from it. Plain fields only; not thread-safe.
 *
 * <p>What a watermark frees is freed at a pace ({@link DueQueue#dueBy}: evenly over the time
 * until the next entries expire) and a slice at a time: until then an expired entry stays in the
 * index, where no row that is not late can match it (its time fails the join's condition), so it
 * changes no result.
 */
final class JoinExpiry {
  private final DueQueue[] byTime = {new DueQueue(), new DueQueue()};

  /** Registers a new entry of side {@code port} (in {@code index}) whose time is {@code time}. */
  void added(int port, long time, JoinIndex index, int id) {
    index.markTimed(id);
    byTime[port].add(time, id);
  }

  /**
   * Replaces side {@code port}'s time index by the entries of {@code index} (after a restore):
   * {@code timeOf} gives each entry's time. The retracted entries the original still held here are
   * left out, which frees nothing different.
   */
  void rebuild(int port, JoinIndex index, IntToLongFunction timeOf) {
    byTime[port].clear();
    index.forEach(id -> added(port, timeOf.applyAsLong(id), index, id));
  }

  /**
   * Marks every entry of side {@code port} whose time is below {@code threshold} as expired and
   * frees as many of the expired ones from {@code index} as are due by then ({@link DueQueue#dueBy}).
   */
  void expire(int port, long threshold, JoinIndex index) {
    if (threshold == Long.MIN_VALUE) {
      return;
    }
    byTime[port].advanceThrough(threshold - 1, null);
    free(port, (int) Math.min(Integer.MAX_VALUE, byTime[port].dueBy(threshold - 1)), index);
  }

  /** Frees up to {@code budget} expired entries of side {@code port} from {@code index}. */
  void free(int port, int budget, JoinIndex index) {
    byTime[port].drain(budget, index::expire);
  }

  /** Whether side {@code port} has expired entries not yet freed. */
  boolean pending(int port) {
    return byTime[port].backlog() > 0;
  }
}
