package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A window join's expired rows are freed paced by event time: the watermark that expires a
 * window's rows frees none of them yet, later watermarks free them evenly until the next window's
 * rows expire, a batch frees at most a fixed slice, and idle turns ({@link JoinOperator#freeReleased})
 * free the rest.
 */
class JoinExpiryPaceTest {
  private static final int ROWS = 10_000;

  private static ZBatch rows(int from, int count, long time) {
    BatchBuilder b = new BatchBuilder(TimeBoundJoinPropertyTest.SIDE);
    for (int i = from; i < from + count; i++) {
      b.set(0, i);
      b.set(1, time);
      b.set(2, 0);
      b.endRow(1);
    }
    return b.build();
  }

  @Test
  void aWindowsExpiredRowsAreFreedEvenlyUntilTheNextWindowExpires() {
    TimeBound bound = new TimeBound(1, 1, 0, 0, 0, 0);
    JoinOperator op = new JoinOperator(TimeBoundJoinPropertyTest.SIDE, TimeBoundJoinPropertyTest.SIDE,
        JoinKeys.of(new int[] {0}, new int[] {0}), JoinType.INNER, new TimeBoundJoinPropertyTest.Residual(0, 0),
        "t in range", TimeBoundJoinPropertyTest.concat(TimeBoundJoinPropertyTest.SIDE, TimeBoundJoinPropertyTest.SIDE),
        bound);
    op.open(b -> {});
    op.onBatch(0, rows(0, ROWS, 10)); // a window's rows at time 10
    op.onBatch(0, rows(ROWS, 1, 20)); // the next window's, at time 20
    assertEquals(ROWS + 1, op.stateSize().rows());
    List<Long> held = new ArrayList<>();
    for (long wm = 11; wm <= 21; wm++) {
      op.onWatermark(wm);
      held.add(op.stateSize().rows());
    }
    assertEquals(ROWS + 1, held.get(0), "none freed by the watermark that expires them");
    for (int i = 1; i < held.size(); i++) {
      assertTrue(held.get(i) <= held.get(i - 1), "held " + held);
    }
    long halfway = held.get(5); // watermark 16
    assertTrue(halfway > ROWS / 4 && halfway < ROWS * 3 / 4, "about half freed halfway: " + held);
    assertEquals(1001, held.get(held.size() - 2), "a tenth left a tenth of the way before: " + held);
    assertEquals(1, held.get(held.size() - 1), "all of them once the next window's rows expire: " + held);
    op.onBatch(1, rows(0, 1, 30)); // a batch frees a slice: the next window's row, expired at 21
    assertEquals(1, op.stateSize().rows(), "only the new row is held");
    assertTrue(!op.freeReleased(Integer.MAX_VALUE), "nothing waits");
  }
}
