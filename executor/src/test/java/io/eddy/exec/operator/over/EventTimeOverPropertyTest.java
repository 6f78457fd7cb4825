package io.eddy.exec.operator.over;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.operator.SortKey;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link EventTimeOverOperator} emits, after every watermark, exactly the rows the watermark has
 * passed, each with the values a batch query over all accepted rows gives it (the general
 * {@link OverAggregateOperator}, fed the same accepted rows, is the batch reference), once and
 * never retracted. Random rows {@code (p, t, v)} with disorder behind a moving clock (some late),
 * random watermarks, for ROWS / RANGE frames of several sizes and UNBOUNDED. State stays bounded
 * (RANGE: after a final watermark only the rows within the range of it are held). Both operators,
 * restored from a snapshot taken at a random step into fresh instances and fed the same later
 * inputs, give the same outputs, state sizes and late counts. Rerun one seed with
 * {@code -Deddy.seed=N}.
 */
class EventTimeOverPropertyTest {
  private static final int RUNS = 200;
  private static final RowType IN = new RowType(List.of(
      new Column("p", SqlType.of(TypeKind.INT)),
      new Column("t", SqlType.of(TypeKind.TIMESTAMP)),
      new Column("v", SqlType.of(TypeKind.BIGINT))));
  private static final List<OverCall> CALLS = List.of(new OverCall(OverCall.Kind.COUNT, -1, TypeKind.BIGINT),
      new OverCall(OverCall.Kind.SUM, 2, TypeKind.BIGINT), new OverCall(OverCall.Kind.MIN, 2, TypeKind.BIGINT),
      new OverCall(OverCall.Kind.MAX, 2, TypeKind.BIGINT), new OverCall(OverCall.Kind.AVG, 2, TypeKind.BIGINT));
  private static final RowType OUT;

  static {
    List<Column> cols = new ArrayList<>(IN.columns());
    for (String n : List.of("c", "s", "mn", "mx", "av")) {
      cols.add(new Column(n, SqlType.of(TypeKind.BIGINT)));
    }
    OUT = new RowType(cols);
  }

  @ParameterizedTest
  @CsvSource({"true,0", "true,2", "true,-1", "false,0", "false,3", "false,-1"})
  void emitsBatchValuesOnceTheWatermarkPasses(boolean rows, long preceding) {
    OverFrame frame = new OverFrame(rows, preceding, false);
    long only = Long.getLong("eddy.seed", -1);
    long late = 0;
    for (long seed = 0; seed < RUNS; seed++) {
      if (only < 0 || seed == only) {
        late += run(seed, frame);
      }
    }
    assertTrue(only >= 0 || late > 0, "some rows should be late");
  }

  private static long run(long seed, OverFrame frame) {
    Random random = new Random(seed);
    int[] partition = {0};
    Supplier<EventTimeOverOperator> eventTime = () -> new EventTimeOverOperator(IN, OUT, partition, 1, frame, CALLS);
    Supplier<OverAggregateOperator> general = () -> new OverAggregateOperator(OUT, partition,
        List.of(new SortKey(1, false, false)), frame, CALLS);
    Harness<EventTimeOverOperator> op = new Harness<>(eventTime.get());
    Harness<OverAggregateOperator> reference = new Harness<>(general.get());
    Harness<EventTimeOverOperator> restoredOp = null;
    Harness<OverAggregateOperator> restoredReference = null;
    long clock = 0;
    long wm = Long.MIN_VALUE;
    int steps = 5 + random.nextInt(40);
    int snapshotAt = random.nextInt(steps);
    String s = "seed " + seed + " " + frame;
    for (int step = 0; step < steps; step++) {
      if (step == snapshotAt) {
        restoredOp = op.restoreInto(eventTime.get());
        restoredReference = reference.restoreInto(general.get());
      }
      BatchBuilder batch = new BatchBuilder(IN);
      BatchBuilder accepted = new BatchBuilder(IN);
      for (int i = 1 + random.nextInt(4); i > 0; i--) {
        clock += random.nextInt(3);
        Object[] row = {random.nextInt(3), clock - random.nextInt(6), (long) random.nextInt(10)};
        batch.addRow(row, 1);
        if ((Long) row[1] >= wm) {
          accepted.addRow(row, 1);
        }
      }
      ZBatch in = batch.build();
      ZBatch ok = accepted.build();
      op.op.onBatch(0, in);
      reference.op.onBatch(0, ok);
      if (restoredOp != null) {
        restoredOp.op.onBatch(0, in);
        restoredReference.op.onBatch(0, ok);
      }
      if (random.nextInt(3) == 0) {
        wm = Math.max(wm, clock - 3 + random.nextInt(2));
        op.op.onWatermark(wm);
        if (restoredOp != null) {
          restoredOp.op.onWatermark(wm);
        }
      }
      assertEquals(passed(reference.output, wm), op.output, s);
      if (restoredOp != null) {
        restoredOp.assertSameAs(op, s);
        restoredReference.assertSameAs(reference, s);
      }
    }
    op.op.onWatermark(clock + 100);
    assertEquals(reference.output, op.output, s);
    if (!frame.rows() && !frame.unboundedPreceding()) {
      assertEquals(0, op.op.stateSize().rows(), s + ": RANGE frames hold nothing once the watermark passed them");
    }
    return op.op.lateRows();
  }

  /** The reference's rows whose time the watermark has passed. */
  private static Map<Row, Long> passed(Map<Row, Long> all, long wm) {
    Map<Row, Long> out = new HashMap<>(all);
    out.keySet().removeIf(r -> (Long) r.get(1) >= wm);
    return out;
  }

  /** An operator and the sum of its output; insert-only output is checked for the event-time one. */
  private static final class Harness<T extends Operator & Checkpointable> {
    final T op;
    final Map<Row, Long> output = new HashMap<>();

    Harness(T op) {
      this(op, Map.of());
    }

    Harness(T op, Map<Row, Long> before) {
      this.op = op;
      output.putAll(before);
      op.open(b -> {
        if (op instanceof EventTimeOverOperator) {
          for (int r = 0; r < b.size(); r++) {
            assertTrue(b.weight(r) > 0, "insert-only output");
          }
        }
        ZSets.addInto(output, b);
      });
    }

    Harness<T> restoreInto(T fresh) {
      StateOutput state = new StateOutput();
      op.snapshot(state);
      Harness<T> h = new Harness<>(fresh, output);
      StateInput in = new StateInput(state.toByteArray());
      fresh.restore(in);
      assertTrue(in.atEnd(), "whole state read");
      return h;
    }

    void assertSameAs(Harness<T> original, String s) {
      assertEquals(original.output, output, s + ": restored output");
      assertEquals(original.op.stateSize(), op.stateSize(), s + ": restored state size");
      assertEquals(original.op.lateRows(), op.lateRows(), s + ": restored late rows");
    }
  }
}
