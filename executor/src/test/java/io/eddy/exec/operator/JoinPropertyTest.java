package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.reference.ReferenceJoin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Incremental == batch for {@link JoinOperator}: random schemas, keys (same kind, or INT against
 * BIGINT; some null-safe), an optional residual that sometimes raises an error and sometimes
 * includes a comparison the join orders its rows by ({@link JoinRange}), and random
 * insert/retract histories on both sides interleaved; after every batch the integrated output
 * equals {@link ReferenceJoin} over the integrated inputs. Rerun one seed with {@code -Deddy.seed=N}.
 */
class JoinPropertyTest {
  private static final int RUNS = 150;

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void everyJoinTypeMatchesNestedLoopJoin(JoinType type) {
    long only = Long.getLong("eddy.seed", -1);
    long first = 100_000L * (type.ordinal() + 1);
    long errors = 0;
    for (long seed = first; seed < first + RUNS; seed++) {
      if (only < 0 || seed == only) {
        errors += run(seed, type);
      }
    }
    assertTrue(only >= 0 || errors > 0, "some residuals should raise errors");
  }

  private static long run(long seed, JoinType type) {
    RandomRows rows = new RandomRows(new Random(seed));
    Random random = rows.random();
    RowType left = rows.schemaWithEveryKind();
    RowType right = rows.schemaWithEveryKind();
    int n = 1 + random.nextInt(2);
    int[] lk = new int[n];
    int[] rk = new int[n];
    boolean[] nullsEqual = new boolean[n];
    for (int i = 0; i < n; i++) {
      TypeKind kind = TypeKind.values()[random.nextInt(TypeKind.values().length)];
      lk[i] = rows.pick(RandomRows.columnsOf(left, kind));
      TypeKind other = kind == TypeKind.INT && random.nextBoolean() ? TypeKind.BIGINT : kind;
      rk[i] = rows.pick(RandomRows.columnsOf(right, other));
      nullsEqual[i] = random.nextInt(4) == 0;
    }
    // the pair columns the residual reads: with them, and told what is read of its output, the join
    // fills only those columns (the test then compares only the columns read)
    java.util.BitSet conditionColumns = new java.util.BitSet();
    BiPredicate<Row, Row> other = random.nextBoolean() ? null : residual(random, left, right, conditionColumns);
    JoinRange range = random.nextInt(3) == 0 ? range(rows, left, right) : null;
    if (range != null) {
      conditionColumns.set(range.leftColumn());
      conditionColumns.set(left.size() + range.rightColumn());
    }
    BiPredicate<Row, Row> residual = range == null ? other
        : other == null ? compare(range) : (l, r) -> compare(range).test(l, r) && other.test(l, r);
    ReferenceJoin.Condition cond = new ReferenceJoin.Condition(lk, rk, nullsEqual,
        residual == null ? (l, r) -> true : (l, r) -> {
          try {
            return residual.test(l, r);
          } catch (ArithmeticException e) {
            return false;
          }
        });
    RowType out = type.emitsPairs() ? concat(left, right) : left;
    PairResidual calc = residual == null ? null : new PairResidual(left.size(), right.size(), residual);
    // an input proven insert-only keeps each added row as its own entry: same output
    boolean[] insertOnly = {random.nextInt(3) == 0, random.nextInt(3) == 0};
    JoinOperator op = new JoinOperator(left, right, new JoinKeys(lk, rk, nullsEqual), type, calc, "test", out,
        null, range, insertOnly, conditionColumns);
    java.util.BitSet columns = new java.util.BitSet();
    for (int c = 0; c < out.size(); c++) {
      if (random.nextInt(3) == 0) {
        columns.set(c);
      }
    }
    boolean partial = random.nextBoolean();
    if (partial) {
      op.readOnly(columns);
    }
    int[] read = partial ? columns.stream().toArray() : null;
    Integrator integrator = new Integrator(op);
    List<ZBatch> lh = history(rows, left, insertOnly[0]);
    List<ZBatch> rh = history(rows, right, insertOnly[1]);
    Map<Row, Long> li = new HashMap<>();
    Map<Row, Long> ri = new HashMap<>();
    int a = 0;
    int b = 0;
    while (a < lh.size() || b < rh.size()) {
      boolean fromLeft = b == rh.size() || a < lh.size() && random.nextBoolean();
      ZBatch batch = fromLeft ? lh.get(a++) : rh.get(b++);
      ZSets.addInto(fromLeft ? li : ri, batch);
      integrator.push(fromLeft ? 0 : 1, batch);
      Map<Row, Long> expected = ReferenceJoin.join(li, ri, left.size(), right.size(), cond, type);
      long s = seed;
      assertEquals(project(expected, read), project(integrator.output(), read), () -> "seed " + s + " " + type
          + " keys " + op.describe() + " reads " + java.util.Arrays.toString(read) + "\nleft " + li + "\nright " + ri);
    }
    return op.rowErrors().count();
  }

  /** A random history; an insert-only one inserts again what the random one retracts (rows come twice). */
  private static List<ZBatch> history(RandomRows rows, RowType type, boolean insertOnly) {
    List<ZBatch> h = RandomHistory.generate(rows, type, 1 + rows.random().nextInt(15), 12);
    if (!insertOnly) {
      return h;
    }
    List<ZBatch> inserts = new ArrayList<>();
    for (ZBatch b : h) {
      BatchBuilder out = new BatchBuilder(type);
      for (int r = 0; r < b.size(); r++) {
        if (b.weight(r) != 0) {
          out.addRow(b, r, Math.abs(b.weight(r)));
        }
      }
      inserts.add(out.build());
    }
    return inserts;
  }

  /** {@code rows} with only columns {@code read} (all when null), weights of rows that become equal summed. */
  private static Map<Row, Long> project(Map<Row, Long> rows, int[] read) {
    if (read == null) {
      return rows;
    }
    Map<Row, Long> out = new HashMap<>();
    rows.forEach((row, w) -> ZSets.addInto(out, row.project(read), w));
    return out;
  }

  /**
   * A deterministic condition on one column of each side; raises an error when both are NULL.
   * Adds the pair columns it reads to {@code reads}.
   */
  private static BiPredicate<Row, Row> residual(Random random, RowType left, RowType right, java.util.BitSet reads) {
    int a = random.nextInt(left.size());
    int b = random.nextInt(right.size());
    reads.set(a);
    reads.set(left.size() + b);
    int mod = 2 + random.nextInt(2);
    return (l, r) -> {
      if (l.get(a) == null && r.get(b) == null) {
        throw new ArithmeticException("both null");
      }
      return Math.floorMod(Objects.hashCode(l.get(a)) * 31 + Objects.hashCode(r.get(b)), mod) != 0;
    };
  }

  /** A comparison of two columns of one ordered kind (the join then orders its buckets by them). */
  private static JoinRange range(RandomRows rows, RowType left, RowType right) {
    List<TypeKind> kinds = List.copyOf(JoinRange.ORDERED);
    TypeKind kind = kinds.get(rows.random().nextInt(kinds.size()));
    JoinRange.Op[] ops = JoinRange.Op.values();
    return new JoinRange(rows.pick(RandomRows.columnsOf(left, kind)), ops[rows.random().nextInt(ops.length)],
        rows.pick(RandomRows.columnsOf(right, kind)));
  }

  /** SQL's {@code left[l] op right[r]}: not TRUE when either is NULL. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static BiPredicate<Row, Row> compare(JoinRange range) {
    return (l, r) -> {
      Object a = l.get(range.leftColumn());
      Object b = r.get(range.rightColumn());
      if (a == null || b == null) {
        return false;
      }
      int c = ((Comparable) a).compareTo(b);
      return switch (range.op()) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
      };
    };
  }

  private static RowType concat(RowType a, RowType b) {
    List<Column> cols = new ArrayList<>(a.columns());
    cols.addAll(b.columns());
    return new RowType(cols);
  }

  /** A residual {@link BatchCalc} as the planner compiles one: keeps passing pair numbers. */
  private static final class PairResidual implements BatchCalc {
    private final int leftArity;
    private final int rightArity;
    private final BiPredicate<Row, Row> test;
    private long errors;

    PairResidual(int leftArity, int rightArity, BiPredicate<Row, Row> test) {
      this.leftArity = leftArity;
      this.rightArity = rightArity;
      this.test = test;
    }

    @Override
    public ZBatch apply(ZBatch in) {
      BatchBuilder out = new BatchBuilder(new RowType(List.of(in.type().get(leftArity + rightArity))));
      errors = 0;
      for (int r = 0; r < in.size(); r++) {
        Object[] v = in.row(r);
        Object[] l = java.util.Arrays.copyOfRange(v, 0, leftArity);
        Object[] rr = java.util.Arrays.copyOfRange(v, leftArity, leftArity + rightArity);
        try {
          if (test.test(new Row(l), new Row(rr))) {
            out.longField(0, in.getLong(leftArity + rightArity, r));
            out.endRow(in.weight(r));
          }
        } catch (ArithmeticException e) {
          errors++;
        }
      }
      return out.build();
    }

    @Override
    public long errors() {
      return errors;
    }
  }
}
