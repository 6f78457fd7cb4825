package io.eddy.planner.codegen;

import java.math.BigDecimal;

/** Helpers called by generated code for {@link DecimalTimes}: exact DECIMAL products without {@code BigDecimal} arithmetic. */
public final class DecimalProducts {
  private DecimalProducts() {}

  /**
   * {@code x} times the decimal {@code unscaled * 10^-scale}: exactly
   * {@code BigDecimal.valueOf(unscaled, scale).multiply(BigDecimal.valueOf(x))}, with the same
   * scale, computed on {@code long}s when the unscaled product fits one.
   */
  public static BigDecimal times(long x, long unscaled, int scale) {
    long low = x * unscaled;
    long high = Math.multiplyHigh(x, unscaled);
    if (high == (low >> 63)) { // the 128-bit product is the sign extension of its low half
      return BigDecimal.valueOf(low, scale);
    }
    return BigDecimal.valueOf(unscaled, scale).multiply(BigDecimal.valueOf(x));
  }
}
