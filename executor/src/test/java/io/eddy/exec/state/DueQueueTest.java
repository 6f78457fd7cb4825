package io.eddy.exec.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueQueueTest {
  private final DueQueue queue = new DueQueue();
  private final List<Integer> drained = new ArrayList<>();

  @Test
  void idsFallDueByTimeAndDrainInSlicesOldestFirst() {
    queue.add(20, 1);
    queue.add(10, 2);
    queue.add(20, 3);
    queue.add(30, 4);
    queue.add(10, 5);
    List<Integer> seen = new ArrayList<>();
    queue.advanceThrough(19, seen::add);
    assertEquals(List.of(2, 5), seen);
    assertEquals(2, queue.backlog());
    queue.advanceThrough(20, null);
    assertEquals(4, queue.backlog());
    queue.drain(3, drained::add);
    assertEquals(List.of(2, 5, 1), drained);
    assertEquals(1, queue.backlog());
    queue.add(20, 6); // a time already past starts a new list, due at the next advance
    queue.drain(10, drained::add);
    assertEquals(List.of(2, 5, 1, 3), drained);
    queue.advanceThrough(25, null);
    queue.drain(10, drained::add);
    assertEquals(List.of(2, 5, 1, 3, 6), drained);
    assertEquals(0, queue.backlog());
    queue.advanceThrough(Long.MAX_VALUE, null);
    queue.drain(1, drained::add);
    assertEquals(List.of(2, 5, 1, 3, 6, 4), drained);
  }

  @Test
  void idsForManyInterleavedTimesFallDueAsAReferenceQueueSays() {
    java.util.Random rnd = new java.util.Random(5);
    java.util.TreeMap<Long, List<Integer>> reference = new java.util.TreeMap<>();
    List<Integer> expected = new ArrayList<>();
    long advanced = 0;
    for (int id = 0; id < 20_000; id++) {
      long time = advanced - 3 + rnd.nextInt(20); // some at or before the last advance: due at the next one
      queue.add(time, id);
      reference.computeIfAbsent(time, t -> new ArrayList<>()).add(id);
      if (rnd.nextInt(200) == 0) {
        advanced += rnd.nextInt(8);
        List<Integer> seen = new ArrayList<>();
        queue.advanceThrough(advanced, seen::add);
        List<Integer> due = new ArrayList<>();
        while (!reference.isEmpty() && reference.firstKey() <= advanced) {
          due.addAll(reference.pollFirstEntry().getValue());
        }
        assertEquals(due, seen, "due through " + advanced);
        expected.addAll(due);
        queue.drain(rnd.nextInt(300), drained::add);
      }
    }
    queue.drain(Integer.MAX_VALUE, drained::add);
    assertEquals(expected, drained);
  }

  @Test
  void aSliceIsFixedWhateverTheBatch() {
    assertEquals(256, DueQueue.SLICE);
  }

  @Test
  void clearForgetsQueuedAndDueIds() {
    queue.add(1, 1);
    queue.add(2, 2);
    queue.advanceThrough(1, null);
    queue.clear();
    queue.advanceThrough(Long.MAX_VALUE, null);
    queue.drain(10, drained::add);
    assertEquals(List.of(), drained);
    assertEquals(0, queue.backlog());
  }

  private void release(int count, long time) {
    for (int i = 0; i < count; i++) {
      queue.add(time, i);
    }
  }

  @Test
  void whatAnAdvanceReleasesIsDueEvenlyUntilTheNextIdsFallDue() {
    release(100, 10);
    release(1, 20);
    queue.advanceThrough(10, null);
    assertEquals(100, queue.backlog());
    assertEquals(0, queue.dueBy(10), "nothing is due at the release itself");
    assertEquals(50, queue.dueBy(15));
    queue.drain(50, drained::add);
    assertEquals(0, queue.dueBy(15), "freed as due");
    assertEquals(30, queue.dueBy(18));
    queue.drain(5, drained::add); // freed less than due: the rest stays due
    assertEquals(25 + 10, queue.dueBy(19));
    assertEquals(45, queue.dueBy(20), "all of it once the next ids fall due");
    assertEquals(45, queue.dueBy(1_000));
  }

  @Test
  void freeingAheadOfThePaceLeavesNothingDue() {
    release(100, 10);
    release(1, 20);
    queue.advanceThrough(10, null);
    queue.drain(90, drained::add); // e.g. while the input was idle
    assertEquals(0, queue.dueBy(15));
    assertEquals(0, queue.dueBy(19));
    assertEquals(10, queue.dueBy(20));
    queue.drain(10, drained::add);
    assertEquals(0, queue.dueBy(Long.MAX_VALUE));
  }

  @Test
  void idsLeftFromAnEarlierAdvanceAreDueByTheirOwnDeadline() {
    release(100, 10);
    release(60, 20);
    release(1, 40);
    queue.advanceThrough(10, null); // 100 ids spread over [10, 20]
    queue.drain(40, drained::add);
    queue.advanceThrough(20, null); // 60 more spread over [20, 40]; 60 of the first are overdue
    assertEquals(120, queue.backlog());
    assertEquals(60, queue.dueBy(20));
    queue.drain(60, drained::add);
    assertEquals(30, queue.dueBy(30));
  }

  @Test
  void withNothingQueuedLaterTheSpreadIsTheGapSinceTheLastRelease() {
    release(10, 10);
    queue.advanceThrough(10, null);
    assertEquals(10, queue.dueBy(10), "no earlier release, nothing later: all at once");
    queue.drain(10, drained::add);
    release(10, 30);
    queue.advanceThrough(30, null); // 20 after the last release: spread over [30, 50]
    assertEquals(0, queue.dueBy(30));
    assertEquals(5, queue.dueBy(40));
    assertEquals(10, queue.dueBy(50));
  }

  /**
   * Random adds and advances, freeing exactly what is due at each advance (a reference keeps each
   * advance's count and deadline, the next queued time): what waits is never more than the ids of
   * the advances whose deadline is still ahead.
   */
  @Test
  void freeingWhatIsDueFreesEachAdvanceByItsDeadline() {
    java.util.Random rnd = new java.util.Random(11);
    java.util.TreeMap<Long, Integer> queued = new java.util.TreeMap<>();
    List<long[]> advances = new ArrayList<>(); // {count, deadline}
    long now = 0;
    for (int step = 0; step < 5_000; step++) {
      for (int i = rnd.nextInt(50); i >= 0; i--) {
        long time = i == 0 ? now + 100 : now + 1 + rnd.nextInt(40);
        queue.add(time, step);
        queued.merge(time, 1, Integer::sum);
      }
      now += 1 + rnd.nextInt(5);
      int released = 0;
      while (queued.firstKey() <= now) {
        released += queued.pollFirstEntry().getValue();
      }
      queue.advanceThrough(now, null);
      if (released > 0) {
        advances.add(new long[] {released, queued.firstKey()});
      }
      long due = queue.dueBy(now);
      assertTrue(due >= 0 && due <= queue.backlog(), "due " + due);
      queue.drain((int) due, drained::add);
      long ahead = 0;
      for (long[] a : advances) {
        ahead += a[1] > now ? a[0] : 0;
      }
      assertTrue(queue.backlog() <= ahead, "backlog " + queue.backlog() + " > " + ahead + " at " + now);
    }
  }
}
