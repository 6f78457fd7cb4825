package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.exec.batch.Row;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A range probe of a {@link JoinIndex} visits exactly the stored rows that pass the comparison, as rows come and go. */
class JoinIndexRangeTest {
  private static final Row KEY = Row.of(1L);

  @Test
  void rangeProbesSeeExactlyThePassingRows() {
    Random random = new Random(11);
    for (int run = 0; run < 200; run++) {
      JoinIndex index = new JoinIndex();
      List<Row> live = new ArrayList<>();
      int size = random.nextInt(400);
      for (int step = 0; step < size * 2; step++) {
        if (!live.isEmpty() && random.nextInt(3) == 0) {
          Row gone = live.remove(random.nextInt(live.size()));
          index.add(KEY, gone, -1, 0);
        } else {
          Long value = random.nextInt(10) == 0 ? null : (long) random.nextInt(50);
          Row row = Row.of((long) step, value);
          index.add(KEY, row, 1, 0);
          live.add(row);
        }
        if (random.nextInt(20) == 0) {
          probe(index, live, random);
        }
      }
      probe(index, live, random);
    }
  }

  private static void probe(JoinIndex index, List<Row> live, Random random) {
    JoinRange.Op op = JoinRange.Op.values()[random.nextInt(4)];
    long value = random.nextInt(52) - 1;
    Set<Row> visited = new HashSet<>();
    index.forEachInRange(KEY, 1, op, value, e -> assertTrue(visited.add(e.row), "visited twice: " + e.row));
    Set<Row> passing = new HashSet<>();
    for (Row r : live) {
      Long v = (Long) r.get(1);
      if (v != null && switch (op) {
        case LT -> v < value;
        case LE -> v <= value;
        case GT -> v > value;
        case GE -> v >= value;
      }) {
        passing.add(r);
      }
    }
    assertEquals(passing, visited, op + " " + value);
  }
}
