package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggKind;
import io.eddy.exec.reference.ReferenceAggregate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Incremental == batch: over random schemas and random insert/retract histories, after every
 * batch the integrated output of {@link AggregateOperator} equals {@link ReferenceAggregate} over
 * the integrated input. Each failure names its seed; rerun one with {@code -Deddy.seed=N}.
 */
class AggregatePropertyTest {
  private static final int RUNS = 100;

  /** One random query: schema, keys and calls. */
  private record Query(RowType input, int[] keys, List<AggCall> calls) {
    RowType output() {
      return AggregatePropertyTest.output(input, keys, calls);
    }

    AggregateOperator operator() {
      return new AggregateOperator(input, keys, calls, output());
    }

    @Override
    public String toString() {
      return "keys=" + java.util.Arrays.toString(keys) + " calls=" + calls + " input=" + input;
    }
  }

  @ParameterizedTest
  @EnumSource(AggKind.class)
  void everyKindMatchesBatchGroupBy(AggKind kind) {
    forEachSeed(kind.ordinal() * 1000L, (rows, seed) -> {
      RowType input = rows.schemaWithEveryKind();
      List<AggCall> calls = new ArrayList<>();
      calls.add(randomCall(rows, input, kind));
      for (int i = rows.random().nextInt(3); i > 0; i--) {
        calls.add(randomCall(rows, input, AggKind.values()[rows.random().nextInt(AggKind.values().length)]));
      }
      return new Query(input, randomKeys(rows, input, 0), calls);
    });
  }

  @Test
  void globalAggregatesMatchBatchGroupBy() {
    forEachSeed(50_000, (rows, seed) -> {
      RowType input = rows.schemaWithEveryKind();
      List<AggCall> calls = new ArrayList<>();
      for (AggKind kind : AggKind.values()) {
        calls.add(randomCall(rows, input, kind));
      }
      return new Query(input, new int[0], calls);
    });
  }

  @Test
  void singlePrimitiveKeyMatchesBatchGroupBy() {
    forEachSeed(55_000, (rows, seed) -> {
      RowType input = rows.schemaWithEveryKind();
      int key = rows.pick(RandomRows.columnsOf(input, TypeKind.INT, TypeKind.BIGINT, TypeKind.TIMESTAMP, TypeKind.DATE));
      List<AggCall> calls = new ArrayList<>();
      for (AggKind kind : AggKind.values()) {
        calls.add(randomCall(rows, input, kind));
      }
      return new Query(input, new int[] {key}, calls);
    });
  }

  @Test
  void distinctMatchesBatchDistinct() {
    forEachSeed(60_000, (rows, seed) -> {
      RowType input = rows.schemaWithEveryKind();
      return new Query(input, randomKeys(rows, input, 1), List.of());
    });
  }

  @Test
  void batchBoundariesDoNotChangeTheResult() {
    for (long seed = 70_000; seed < 70_000 + RUNS; seed++) {
      RandomRows rows = new RandomRows(new Random(seed));
      RowType input = rows.schemaWithEveryKind();
      List<AggCall> calls = new ArrayList<>();
      for (AggKind kind : AggKind.values()) {
        calls.add(randomCall(rows, input, kind));
      }
      Query q = new Query(input, randomKeys(rows, input, 0), calls);
      List<ZBatch> history = RandomHistory.generate(rows, input, 10, 30);
      Integrator perBatch = new Integrator(q.operator());
      history.forEach(perBatch::push);
      Integrator oneBatch = new Integrator(q.operator()).push(RandomHistory.merged(input, history, rows.random()));
      Integrator perRow = new Integrator(q.operator());
      splitIntoRows(input, history).forEach(perRow::push);
      long s = seed;
      assertEquals(perBatch.output(), oneBatch.output(), () -> "seed " + s + " " + q);
      assertEquals(perBatch.output(), perRow.output(), () -> "seed " + s + " " + q);
    }
  }

  private static List<ZBatch> splitIntoRows(RowType type, List<ZBatch> batches) {
    List<ZBatch> out = new ArrayList<>();
    for (ZBatch b : batches) {
      for (int r = 0; r < b.size(); r++) {
        out.add(RandomHistory.merged(type, List.of(b.size() == 0 ? b : slice(type, b, r)), new Random(0)));
      }
    }
    return out;
  }

  private static ZBatch slice(RowType type, ZBatch b, int row) {
    io.eddy.exec.batch.BatchBuilder one = new io.eddy.exec.batch.BatchBuilder(type, 1);
    one.addRow(b, row, b.weight(row));
    return one.build();
  }

  private interface QueryGen {
    Query make(RandomRows rows, long seed);
  }

  private static void forEachSeed(long firstSeed, QueryGen gen) {
    long only = Long.getLong("eddy.seed", -1);
    for (long seed = firstSeed; seed < firstSeed + RUNS; seed++) {
      if (only >= 0 && seed != only) {
        continue;
      }
      RandomRows rows = new RandomRows(new Random(seed));
      Query q = gen.make(rows, seed);
      Integrator op = new Integrator(q.operator());
      Map<Row, Long> input = new HashMap<>();
      check(seed, q, -1, input, op);
      List<ZBatch> history = RandomHistory.generate(rows, q.input(), 1 + rows.random().nextInt(25), 40);
      for (int i = 0; i < history.size(); i++) {
        ZSets.addInto(input, history.get(i));
        op.push(history.get(i));
        check(seed, q, i, input, op);
      }
    }
  }

  private static void check(long seed, Query q, int batch, Map<Row, Long> input, Integrator op) {
    Map<Row, Long> expected = ReferenceAggregate.groupBy(input, q.keys(), q.calls());
    assertEquals(expected, op.output(), () -> "seed " + seed + ", after batch " + batch + ": " + q + "\ninput " + input);
  }

  /** The output type of an aggregate: the key columns, then one column per call. */
  static RowType output(RowType input, int[] keys, List<AggCall> calls) {
    List<Column> cols = new ArrayList<>();
    for (int k : keys) {
      cols.add(input.get(k));
    }
    for (int i = 0; i < calls.size(); i++) {
      cols.add(new Column("a" + i, calls.get(i).outType()));
    }
    return new RowType(cols);
  }

  /** 0-3 distinct key columns of any kind (at least {@code min}). */
  private static int[] randomKeys(RandomRows rows, RowType input, int min) {
    List<Integer> cols = new ArrayList<>();
    for (int c = 0; c < input.size(); c++) {
      cols.add(c);
    }
    java.util.Collections.shuffle(cols, rows.random());
    int n = min + rows.random().nextInt(4 - min);
    return cols.subList(0, n).stream().mapToInt(Integer::intValue).toArray();
  }

  /** A well-typed call of {@code kind} with random argument, DISTINCT and FILTER. */
  static AggCall randomCall(RandomRows rows, RowType input, AggKind kind) {
    Random random = rows.random();
    List<Integer> booleans = RandomRows.columnsOf(input, TypeKind.BOOLEAN);
    int filter = random.nextInt(3) == 0 ? rows.pick(booleans) : -1;
    boolean distinct = random.nextInt(3) == 0;
    List<Integer> candidates = switch (kind) {
      case SUM, SUM0 -> RandomRows.columnsOf(input, TypeKind.INT, TypeKind.BIGINT, TypeKind.DOUBLE, TypeKind.DECIMAL);
      case BOOL_AND, BOOL_OR -> booleans;
      default -> RandomRows.columnsOf(input, TypeKind.values());
    };
    if (kind == AggKind.COUNT && random.nextBoolean()) {
      return new AggCall(kind, -1, false, filter, SqlType.of(TypeKind.BIGINT).withNullable(false));
    }
    int arg = rows.pick(candidates);
    SqlType in = input.type(arg);
    SqlType out = switch (kind) {
      case COUNT -> SqlType.of(TypeKind.BIGINT).withNullable(false);
      case SUM, SUM0 -> switch (in.kind()) {
        case INT -> random.nextBoolean() ? SqlType.of(TypeKind.BIGINT) : SqlType.decimal(19, 0);
        case DECIMAL -> SqlType.decimal(38, in.scale());
        default -> in;
      };
      default -> in.withNullable(true);
    };
    return new AggCall(kind, arg, distinct, filter, out);
  }
}
