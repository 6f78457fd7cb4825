package io.eddy.exec.operator.over;

import io.eddy.common.type.TypeKind;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The value of one {@link OverCall} over a frame that slides forward: rows enter at the end
 * ({@link #add}) and leave at the start ({@link #remove}). COUNT, SUM and AVG are updated in place;
 * MIN and MAX are recomputed over the frame when a row leaves. Not thread-safe. Its running
 * state can be saved and restored exactly ({@link #snapshot}, {@link #restore}).
 */
final class FrameAccumulator {
  private final OverCall call;
  private long count;
  private long longSum;
  private double doubleSum;
  private BigDecimal decimalSum = BigDecimal.ZERO;
  private Object extreme;

  FrameAccumulator(OverCall call) {
    this.call = call;
  }

  void reset() {
    count = 0;
    longSum = 0;
    doubleSum = 0;
    decimalSum = BigDecimal.ZERO;
    extreme = null;
  }

  void add(Object[] row) {
    Object v = call.arg() < 0 ? Boolean.TRUE : row[call.arg()];
    if (v == null) {
      return;
    }
    count++;
    switch (call.kind()) {
      case MIN, MAX -> extreme = extreme == null || better(v, extreme) ? v : extreme;
      case COUNT -> { }
      default -> sum(v, 1);
    }
  }

  /** Removes {@code row}; {@code frame} is what remains (for MIN and MAX). */
  void remove(Object[] row, List<Object[]> frame, int from, int to) {
    Object v = call.arg() < 0 ? Boolean.TRUE : row[call.arg()];
    if (v == null) {
      return;
    }
    count--;
    switch (call.kind()) {
      case MIN, MAX -> {
        extreme = null;
        for (int i = from; i <= to; i++) {
          Object x = frame.get(i)[call.arg()];
          if (x != null && (extreme == null || better(x, extreme))) {
            extreme = x;
          }
        }
      }
      case COUNT -> { }
      default -> sum(v, -1);
    }
  }

  private void sum(Object v, int sign) {
    if (v instanceof BigDecimal d) {
      decimalSum = sign > 0 ? decimalSum.add(d) : decimalSum.subtract(d);
    } else if (v instanceof Double d) {
      doubleSum += sign * d;
    } else {
      longSum += sign * ((Number) v).longValue();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private boolean better(Object v, Object current) {
    int c = ((Comparable) v).compareTo(current);
    return call.kind() == OverCall.Kind.MIN ? c < 0 : c > 0;
  }

  void snapshot(StateOutput out) {
    out.writeLong(count).writeLong(longSum).writeLong(Double.doubleToRawLongBits(doubleSum))
        .writeValue(decimalSum).writeValue(extreme);
  }

  void restore(StateInput in) {
    count = in.readLong();
    longSum = in.readLong();
    doubleSum = Double.longBitsToDouble(in.readLong());
    decimalSum = (BigDecimal) in.readValue();
    extreme = in.readValue();
  }

  Object result() {
    TypeKind k = call.resultKind();
    return switch (call.kind()) {
      case COUNT -> k == TypeKind.INT ? (Object) (int) count : (Object) count;
      case MIN, MAX -> extreme;
      case SUM, SUM0 -> count == 0 && call.kind() == OverCall.Kind.SUM ? null : typedSum(k);
      case AVG -> count == 0 ? null : average(k);
    };
  }

  private Object typedSum(TypeKind k) {
    return switch (k) {
      case DOUBLE -> doubleSum + longSum + decimalSum.doubleValue();
      case DECIMAL -> decimalSum.add(BigDecimal.valueOf(longSum));
      case INT -> (int) longSum;
      default -> longSum;
    };
  }

  private Object average(TypeKind k) {
    if (k == TypeKind.DECIMAL) {
      return decimalSum.add(BigDecimal.valueOf(longSum)).divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
    }
    double total = doubleSum + longSum + decimalSum.doubleValue();
    return switch (k) {
      case DOUBLE -> total / count;
      case INT -> (int) (longSum / count);
      default -> longSum / count;
    };
  }
}
