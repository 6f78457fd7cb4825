package io.eddy.exec.state;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Int ids queued by the time at which they fall due (a window's groups by its close, a join's rows
 * by the time after which nothing can match them). {@link #advanceThrough} moves what fell due to
 * a backlog, and {@link #drain} hands the backlog out a slice at a time, oldest first: an operator
 * that frees state as event time passes frees a few thousand entries per call rather than a whole
 * window's at once, so one watermark does not stall the query behind it.
 *
 * <p>{@link #dueBy} paces the freeing by event time: what one advance moved to the backlog (a
 * tranche) is to be freed evenly over the time until the next ids fall due (the next window's
 * close), so an operator that frees {@code dueBy(watermark)} ids on every watermark spreads a
 * closed window's entries over the next interval instead of freeing them in the batches right
 * after the close. Freeing more (while the input is idle) only frees sooner.
 *
 * <p>Ids mostly arrive for a few times at once (a hopping window's row opens groups in each of
 * its windows), so the lists of the last {@value #RECENT} times added to are kept at hand. Not
 * thread-safe.
 */
public final class DueQueue {
  /**
   * The ids an operator frees after a batch: a tenth of a millisecond or so (about 0.5 us each),
   * fixed whatever the batch's size (a query that lags has big batches, and freeing in proportion
   * to them froze it right after each close). The backlog stays bounded because what an advance
   * releases is freed by {@link #dueBy}'s pace anyway.
   */
  public static final int SLICE = 256;
  /** How many recently added-to times keep their list at hand. */
  private static final int RECENT = 8;

  private final TreeMap<Long, IntList> byTime = new TreeMap<>();
  /** Times recently added to and their lists (null when not set or no longer queued); replaced round-robin. */
  private final long[] recentTimes = new long[RECENT];
  private final IntList[] recentLists = new IntList[RECENT];
  private int replace;
  /** Lists that fell due and are not yet fully drained; {@code next} is the position in the first. */
  private final ArrayDeque<IntList> backlog = new ArrayDeque<>();
  private int next;
  private long backlogSize;
  /** What each advance released and by when it is to be freed, oldest first (see {@link #dueBy}). */
  private final ArrayDeque<Tranche> tranches = new ArrayDeque<>();
  /** The time of the last advance that released ids; {@link Long#MIN_VALUE} before any. */
  private long lastRelease = Long.MIN_VALUE;

  /** {@code count} ids released by the advance to {@code from}, to be freed evenly by {@code until}. */
  private record Tranche(long count, long from, long until) {
    /** How many of them may still wait at {@code time}. */
    long allowedAt(long time) {
      if (time >= until) {
        return 0;
      }
      double left = ((double) until - time) / ((double) until - from);
      return (long) Math.ceil(count * Math.min(1.0, left));
    }
  }

  /** Queues {@code id} to fall due at {@code time}. */
  public void add(long time, int id) {
    for (int i = 0; i < RECENT; i++) {
      if (recentTimes[i] == time && recentLists[i] != null) {
        recentLists[i].add(id);
        return;
      }
    }
    IntList ids = byTime.computeIfAbsent(time, t -> new IntList(4));
    recentTimes[replace] = time;
    recentLists[replace] = ids;
    replace = (replace + 1) % RECENT;
    ids.add(id);
  }

  /**
   * Moves the ids queued at or before {@code time} to the backlog; {@code visit} (may be null)
   * sees each of them now, in time order.
   */
  public void advanceThrough(long time, IntConsumer visit) {
    long released = 0;
    while (!byTime.isEmpty() && byTime.firstKey() <= time) {
      Map.Entry<Long, IntList> first = byTime.pollFirstEntry();
      IntList ids = first.getValue();
      for (int i = 0; i < RECENT; i++) {
        if (recentLists[i] == ids) {
          recentLists[i] = null;
        }
      }
      if (visit != null) {
        for (int i = 0; i < ids.size(); i++) {
          visit.accept(ids.get(i));
        }
      }
      backlog.add(ids);
      backlogSize += ids.size();
      released += ids.size();
    }
    if (released > 0) {
      tranches.add(new Tranche(released, time, spreadUntil(time)));
      lastRelease = time;
    }
  }

  /**
   * Until when ids released at {@code time} are spread: the next queued time (the next release),
   * else as far past {@code time} as the last release was before it (nothing else is queued: the
   * input may have stopped, and the idle turns free it sooner).
   */
  private long spreadUntil(long time) {
    if (!byTime.isEmpty()) {
      return byTime.firstKey();
    }
    return lastRelease == Long.MIN_VALUE || lastRelease >= time ? time : time + Math.min(time - lastRelease,
        Long.MAX_VALUE - time);
  }

  /**
   * How many backlog ids to free at event time {@code time} (the watermark) so that each advance's
   * ids are freed evenly by their {@code until} (see the class comment): all of an advance's ids
   * once {@code time} reaches it. Never more than the backlog; 0 when freeing has kept ahead.
   */
  public long dueBy(long time) {
    if (backlogSize == 0) {
      tranches.clear();
      return 0;
    }
    while (!tranches.isEmpty() && tranches.peekFirst().until() <= time) {
      tranches.pollFirst();
    }
    long allowed = 0;
    for (Tranche t : tranches) {
      allowed += t.allowedAt(time);
    }
    return Math.max(0, backlogSize - allowed);
  }

  /** Hands at most {@code budget} ids of the backlog to {@code action}, oldest first. */
  public void drain(int budget, IntConsumer action) {
    while (budget > 0 && !backlog.isEmpty()) {
      IntList ids = backlog.peekFirst();
      int end = (int) Math.min(ids.size(), (long) next + budget);
      for (int i = next; i < end; i++) {
        action.accept(ids.get(i));
      }
      budget -= end - next;
      backlogSize -= end - next;
      if (end == ids.size()) {
        backlog.pollFirst();
        next = 0;
      } else {
        next = end;
      }
    }
  }

  /** Ids that fell due and were not drained yet. */
  public long backlog() {
    return backlogSize;
  }

  /** Forgets every queued and due id. */
  public void clear() {
    byTime.clear();
    java.util.Arrays.fill(recentLists, null);
    backlog.clear();
    next = 0;
    backlogSize = 0;
    tranches.clear();
    lastRelease = Long.MIN_VALUE;
  }
}
