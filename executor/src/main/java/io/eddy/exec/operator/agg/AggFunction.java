package io.eddy.exec.operator.agg;

import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.circuit.RowErrors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An {@link AggCall} checked against its input type: makes a group's {@link Accumulator} and
 * converts its result to the call's output type. Immutable and thread-safe.
 */
public final class AggFunction {
  private static final Set<TypeKind> NUMERIC =
      EnumSet.of(TypeKind.INT, TypeKind.BIGINT, TypeKind.DOUBLE, TypeKind.DECIMAL);

  private final AggCall call;
  private final Supplier<Accumulator> factory;

  private AggFunction(AggCall call, Supplier<Accumulator> factory) {
    this.call = call;
    this.factory = factory;
  }

  /** Validates {@code call} against {@code input}; throws IllegalArgumentException if it is ill-typed. */
  public static AggFunction of(AggCall call, RowType input) {
    return of(call, input, false);
  }

  /**
   * As {@link #of(AggCall, RowType)}; with {@code insertOnly} the input is known never to retract,
   * and MIN/MAX keep only the current extreme.
   */
  public static AggFunction of(AggCall call, RowType input, boolean insertOnly) {
    if (call.arg() >= input.size() || call.filterArg() >= input.size()) {
      throw new IllegalArgumentException(call + ": column out of range for " + input.size() + " columns");
    }
    if (call.filterArg() >= 0 && input.type(call.filterArg()).kind() != TypeKind.BOOLEAN) {
      throw new IllegalArgumentException(call + ": FILTER column is " + input.type(call.filterArg()) + ", not BOOLEAN");
    }
    TypeKind in = call.arg() < 0 ? null : input.type(call.arg()).kind();
    TypeKind out = call.outType().kind();
    Supplier<Accumulator> base = switch (call.kind()) {
      case COUNT -> {
        require(call, NUMERIC.contains(out) && out != TypeKind.DOUBLE);
        boolean star = call.arg() < 0;
        yield () -> new CountAccumulator(star);
      }
      case SUM, SUM0 -> {
        require(call, NUMERIC.contains(in) && NUMERIC.contains(out));
        yield sum(in, call.kind() == AggKind.SUM0);
      }
      case MIN, MAX, ANY_VALUE -> {
        require(call, in == out || NUMERIC.contains(in) && NUMERIC.contains(out));
        boolean max = call.kind() == AggKind.MAX;
        yield insertOnly && !call.distinct() ? () -> new ExtremeAccumulator(max) : () -> new MinMaxAccumulator(max);
      }
      case BOOL_AND, BOOL_OR -> {
        require(call, in == TypeKind.BOOLEAN && out == TypeKind.BOOLEAN);
        boolean and = call.kind() == AggKind.BOOL_AND;
        yield () -> new BoolAccumulator(and);
      }
    };
    Supplier<Accumulator> factory = call.distinct() ? () -> new DistinctAccumulator(base.get()) : base;
    return new AggFunction(call, factory);
  }

  private static Supplier<Accumulator> sum(TypeKind in, boolean zeroWhenEmpty) {
    return switch (in) {
      case DOUBLE -> () -> new DoubleSumAccumulator(zeroWhenEmpty);
      case DECIMAL -> () -> new DecimalSumAccumulator(zeroWhenEmpty);
      default -> () -> new LongSumAccumulator(zeroWhenEmpty);
    };
  }

  private static void require(AggCall call, boolean ok) {
    if (!ok) {
      throw new IllegalArgumentException(call + " cannot produce " + call.outType());
    }
  }

  public AggCall call() {
    return call;
  }

  public Accumulator newAccumulator() {
    return factory.get();
  }

  /**
   * The accumulator's result in the representation of the output type's kind. Throws
   * {@link ArithmeticException} when an integer result does not fit the output type (integer SUM
   * overflow).
   */
  public Object result(Accumulator acc) {
    return convert(acc.result(), call.outType());
  }

  /**
   * Puts each call's result for one group into {@code row} from {@code offset} on. When one
   * overflows ({@link #result}) it is recorded in {@code errors} as one runtime error of the
   * group's row, and false is returned: the caller withholds the row (the view keeps running).
   */
  public static boolean results(AggFunction[] functions, Accumulator[] accs, Object[] row, int offset,
      RowErrors errors) {
    for (int i = 0; i < functions.length; i++) {
      if (!result(functions[i], accs[i], row, offset + i, errors)) {
        return false;
      }
    }
    return true;
  }

  /** As {@link #results}, for one call: its result into {@code row[at]}, or false (recorded) on overflow. */
  public static boolean result(AggFunction function, Accumulator acc, Object[] row, int at, RowErrors errors) {
    try {
      row[at] = function.result(acc);
      return true;
    } catch (ArithmeticException e) {
      errors.record(1, new ArithmeticException(e.getMessage() + " in " + function.call()
          + "; the group's row is withheld until it fits"));
      return false;
    }
  }

  /** Converts a number (or passes any other value) to {@code t}'s Java representation. */
  static Object convert(Object v, SqlType t) {
    if (!(v instanceof Number n)) {
      return v;
    }
    return switch (t.kind()) {
      case BIGINT, TIMESTAMP -> n.longValue();
      case INT, DATE -> {
        if (n.longValue() != n.intValue()) {
          throw new ArithmeticException("integer overflow: " + n + " does not fit in " + t.kind());
        }
        yield n.intValue();
      }
      case DOUBLE -> n.doubleValue();
      case DECIMAL -> decimal(n).setScale(t.scale(), RoundingMode.HALF_UP);
      default -> v;
    };
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
  }
}
