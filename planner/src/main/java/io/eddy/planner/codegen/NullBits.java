package io.eddy.planner.codegen;

/** Helpers called by generated code. */
public final class NullBits {
  private NullBits() {}

  /** Whether bit {@code row} is set in a batch column's null bit set (null set = no nulls). */
  public static boolean isNull(long[] nulls, int row) {
    return nulls != null && (nulls[row >>> 6] & (1L << row)) != 0;
  }

  /**
   * Whether a row whose filter condition is {@code keep} is dropped. A call, not {@code !keep}, so
   * that a condition the code generator folds to a constant FALSE still leaves the row's projection
   * reachable Java (an unconditional {@code continue} before it does not compile).
   */
  public static boolean rejects(boolean keep) {
    return !keep;
  }
}
