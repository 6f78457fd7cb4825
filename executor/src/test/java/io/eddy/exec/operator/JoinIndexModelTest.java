package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The column-stored {@link JoinIndex} against a map of rows to multiplicities, through random
 * adds, retractions to zero, re-adds, held (touched or timed) dead entries and expiry: every key's
 * chain holds exactly its live rows with their weights, lookups find exactly the live rows, and a
 * held entry keeps its row (its id is not reused) until it is released. Rows go in boxed or read in
 * place from a batch (the join's path), at random, and lookups by both must agree.
 */
class JoinIndexModelTest {
  /** Key: an INT and a nullable VARCHAR; then a DOUBLE, a DECIMAL and a BIGINT payload. */
  private static final RowType TYPE = new RowType(List.of(new Column("k1", SqlType.of(TypeKind.INT)),
      new Column("k2", SqlType.of(TypeKind.VARCHAR)), new Column("d", SqlType.of(TypeKind.DOUBLE)),
      new Column("m", SqlType.decimal(10, 2)), new Column("n", SqlType.of(TypeKind.BIGINT))));
  private static final int[] KEY = {0, 1};
  private static final boolean[] NULLS_MATCH = {false, true};

  @Test
  void chainsAndLookupsMatchTheModel() {
    Random random = new Random(5);
    for (int run = 0; run < 60; run++) {
      boolean tracks = random.nextBoolean();
      JoinIndex index = new JoinIndex(TYPE, KEY, tracks);
      Map<Row, Long> model = new HashMap<>();
      Map<Integer, Row> held = new HashMap<>();
      List<Row> known = new ArrayList<>();
      for (int step = 0; step < 1500; step++) {
        Row row = !known.isEmpty() && random.nextInt(3) > 0 ? known.get(random.nextInt(known.size()))
            : randomRow(random);
        if (!known.contains(row)) {
          known.add(row);
        }
        long w = model.containsKey(row) && random.nextInt(3) == 0 ? -model.get(row) : random.nextInt(5) - 2;
        if (w == 0) {
          continue;
        }
        int id = random.nextBoolean() ? index.add(key(row), row, w, 0) : addFromBatch(index, row, w);
        model.merge(row, w, Long::sum);
        model.remove(row, 0L);
        assertEquals(model.getOrDefault(row, 0L), index.weight(id));
        assertEquals(model.containsKey(row), index.live(id));
        if (tracks) {
          // the operator touches every entry it adds on such a side and releases it after the batch
          if (index.touch(id)) {
            held.put(id, row);
          }
        } else if (index.live(id) && !index.timed(id) && random.nextInt(4) == 0) {
          index.markTimed(id);
          held.put(id, row);
        }
        if (random.nextInt(8) == 0) {
          release(index, held, random, model);
        }
        if (random.nextInt(50) == 0) {
          check(index, model, known);
        }
      }
      release(index, held, random, model);
      check(index, model, known);
    }
  }

  @Test
  void anInsertOnlyIndexKeepsEachAddAndRefusesRetractions() {
    JoinIndex index = new JoinIndex(TYPE, KEY, false, true);
    Row row = Row.of(1, "a", 1.5, null, 7L);
    int first = index.add(key(row), row, 1, 0);
    int second = index.add(key(row), row, 2, 0);
    assertTrue(first != second, "a row added twice is two entries");
    long total = 0;
    for (int e = index.first(key(row)); e >= 0; e = index.next(e)) {
      assertEquals(row, index.row(e));
      total += index.weight(e);
    }
    assertEquals(3, total);
    assertEquals(2, index.entries());
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> index.add(key(row), row, -1, 0));
    assertTrue(e.getMessage().contains("insert-only"), e.getMessage());
  }

  /** Releases every held entry: a held dead entry still shows its row until then. */
  private static void release(JoinIndex index, Map<Integer, Row> held, Random random, Map<Row, Long> model) {
    for (Map.Entry<Integer, Row> h : held.entrySet()) {
      int id = h.getKey();
      assertEquals(h.getValue(), index.row(id), "a held entry keeps its row");
      if (index.timed(id)) {
        if (random.nextBoolean()) {
          if (index.live(id)) {
            model.remove(h.getValue());
          }
          index.expire(id);
        } else {
          continue;
        }
      } else {
        index.untouch(id);
      }
    }
    held.entrySet().removeIf(h -> !index.timed(h.getKey()));
  }

  private static void check(JoinIndex index, Map<Row, Long> model, List<Row> known) {
    assertEquals(model.size(), index.entries());
    Map<Row, Map<Row, Long>> byKey = new HashMap<>();
    model.forEach((row, w) -> byKey.computeIfAbsent(key(row), k -> new HashMap<>()).put(row, w));
    Set<Row> keys = new HashSet<>(byKey.keySet());
    for (Row row : known) {
      Row k = key(row);
      if (k != null) {
        keys.add(k);
      }
      int id = index.find(row);
      assertEquals(model.containsKey(row), id >= 0, "find " + row);
      ZBatch one = batchOf(TYPE, row);
      assertEquals(index.first(k), index.first(one, 0, KEY, JoinIndex.keyHash(one, 0, KEY)), "first " + row);
      if (id >= 0) {
        assertEquals(row, index.row(id));
        assertEquals(k, index.key(id));
      }
    }
    for (Row k : keys) {
      Map<Row, Long> chain = new HashMap<>();
      for (int e = index.first(k); e >= 0; e = index.next(e)) {
        assertTrue(index.live(e));
        assertFalse(chain.containsKey(index.row(e)), "twice on a chain");
        chain.put(index.row(e), index.weight(e));
      }
      assertEquals(byKey.getOrDefault(k, Map.of()), chain, "chain of " + k);
    }
    Map<Row, Long> all = new HashMap<>();
    index.forEach(e -> all.put(index.row(e), index.weight(e)));
    assertEquals(model, all);
  }

  @Test
  void batchRowsHashAndMatchAsTheirBoxedKeys() {
    RowType type = new RowType(List.of(new Column("i", SqlType.of(TypeKind.INT)),
        new Column("b", SqlType.of(TypeKind.BIGINT)), new Column("d", SqlType.of(TypeKind.DOUBLE)),
        new Column("m", SqlType.decimal(10, 2)), new Column("s", SqlType.of(TypeKind.VARCHAR)),
        new Column("t", SqlType.of(TypeKind.TIMESTAMP)), new Column("z", SqlType.of(TypeKind.BOOLEAN))));
    int[] all = {0, 1, 2, 3, 4, 5, 6};
    boolean[] nullsMatch = new boolean[all.length];
    java.util.Arrays.fill(nullsMatch, true);
    Random random = new Random(11);
    Object[][] values = {{null, 3, -4}, {null, 3L, Long.MIN_VALUE}, {null, 0.0, -0.0, 2.5},
        {null, new BigDecimal("1.5"), new BigDecimal("1.50"), new BigDecimal("0.00"), BigDecimal.ZERO},
        {null, "", "a"}, {null, 1_700_000_000_000L}, {null, true, false}};
    for (int n = 0; n < 500; n++) {
      Object[] v = new Object[all.length];
      for (int c = 0; c < v.length; c++) {
        v[c] = values[c][random.nextInt(values[c].length)];
      }
      Row row = new Row(v);
      ZBatch one = batchOf(type, row);
      assertEquals(JoinIndex.hash(row), JoinIndex.rowHash(one, 0), "row hash of " + row);
      assertEquals(JoinIndex.hash(JoinKeys.of(row, all, nullsMatch)), JoinIndex.keyHash(one, 0, all),
          "key hash of " + row);
    }
    // SQL-equal keys of different representations meet: -0.0 and 0.0, 1.50 and 1.5
    int[] key = {2, 3};
    JoinIndex index = new JoinIndex(type, key, false);
    ZBatch stored = batchOf(type, Row.of(1, 2L, -0.0, new BigDecimal("1.50"), "a", 5L, true));
    int id = index.add(stored, 0, JoinIndex.keyHash(stored, 0, key), 1, 0);
    ZBatch probe = batchOf(type, Row.of(9, 9L, 0.0, new BigDecimal("1.5"), "b", 6L, false));
    assertEquals(id, index.first(probe, 0, key, JoinIndex.keyHash(probe, 0, key)));
    ZBatch other = batchOf(type, Row.of(9, 9L, 0.0, new BigDecimal("1.6"), "b", 6L, false));
    assertEquals(-1, index.first(other, 0, key, JoinIndex.keyHash(other, 0, key)));
  }

  /** Adds {@code row} read in place from a one-row batch, as the join does. */
  private static int addFromBatch(JoinIndex index, Row row, long w) {
    ZBatch one = batchOf(TYPE, row);
    return index.add(one, 0, JoinIndex.keyHash(one, 0, KEY), w, 0);
  }

  private static ZBatch batchOf(RowType type, Row row) {
    BatchBuilder b = new BatchBuilder(type, 1);
    b.addRow(row.values(), 1);
    return b.build();
  }

  private static Row key(Row row) {
    return JoinKeys.of(row, KEY, NULLS_MATCH);
  }

  private static Row randomRow(Random random) {
    String[] text = {null, "", "a", "b", "\u00e9"};
    BigDecimal[] money = {null, new BigDecimal("1.00"), new BigDecimal("2.50")};
    Double[] doubles = {null, 0.0, -0.0, 1.5, Double.NaN};
    return Row.of(random.nextInt(4), text[random.nextInt(text.length)], doubles[random.nextInt(doubles.length)],
        money[random.nextInt(money.length)], random.nextInt(6) == 0 ? null : (long) random.nextInt(3));
  }
}
