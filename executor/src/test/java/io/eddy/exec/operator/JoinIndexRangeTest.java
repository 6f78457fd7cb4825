package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.Row;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A range probe of a {@link JoinIndex} visits exactly the stored rows of its key that pass the
 * comparison, as rows come and go, whether the index walks the key's chain or reads the key's
 * list of the ranged column.
 */
class JoinIndexRangeTest {
  private static final SqlType BIGINT = SqlType.of(TypeKind.BIGINT);
  /** Key, a distinct number, then the ranged column (NULL now and then). */
  private static final RowType TYPE = new RowType(List.of(new Column("k", BIGINT), new Column("n", BIGINT),
      new Column("v", BIGINT)));

  @Test
  void rangeProbesSeeExactlyThePassingRows() {
    Random random = new Random(11);
    for (int run = 0; run < 200; run++) {
      JoinIndex index = new JoinIndex(TYPE, new int[] {0}, false, false, run % 2 == 0 ? 2 : -1);
      List<Row> live = new ArrayList<>();
      int size = random.nextInt(600);
      for (int step = 0; step < size * 2; step++) {
        if (!live.isEmpty() && random.nextInt(3) == 0) {
          Row gone = live.remove(random.nextInt(live.size()));
          index.add(Row.of(gone.get(0)), gone, -1, 0);
        } else {
          Long value = random.nextInt(10) == 0 ? null : (long) random.nextInt(50);
          Row row = Row.of((long) random.nextInt(3), (long) step, value);
          index.add(Row.of(row.get(0)), row, 1, 0);
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
    long key = random.nextInt(3);
    Set<Row> visited = new HashSet<>();
    index.forEachInRange(Row.of(key), 2, op, value,
        e -> assertTrue(visited.add(index.row(e)), "visited twice: " + index.row(e)));
    Set<Row> passing = new HashSet<>();
    for (Row r : live) {
      Long v = (Long) r.get(2);
      if (r.get(0).equals(key) && v != null && switch (op) {
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
