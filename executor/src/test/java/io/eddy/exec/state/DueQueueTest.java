package io.eddy.exec.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void aSliceIsMoreThanACallCanAdd() {
    assertEquals(256, DueQueue.slice(0));
    assertEquals(2 * 100_000, DueQueue.slice(100_000));
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
}
