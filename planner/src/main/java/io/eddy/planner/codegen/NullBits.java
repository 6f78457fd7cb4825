package io.eddy.planner.codegen;

/** Helpers called by generated code. */
public final class NullBits {
  private NullBits() {}

  /** Whether bit {@code row} is set in a batch column's null bit set (null set = no nulls). */
  public static boolean isNull(long[] nulls, int row) {
    return nulls != null && (nulls[row >>> 6] & (1L << row)) != 0;
  }
}
