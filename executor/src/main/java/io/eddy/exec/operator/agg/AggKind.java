package io.eddy.exec.operator.agg;

/**
 * The aggregate functions the executor computes incrementally. All but {@link #COUNT} with no
 * argument ignore NULL arguments.
 */
public enum AggKind {
  /** {@code COUNT(*)} (argument -1) counts rows; {@code COUNT(x)} counts non-null x. Never null. */
  COUNT,
  /** Sum of the non-null arguments; NULL when there are none. */
  SUM,
  /** Like {@link #SUM} but 0 when there are no non-null arguments ({@code $SUM0}). */
  SUM0,
  /** Least non-null argument, NULL when there is none; stays exact under retractions. */
  MIN,
  /** Greatest non-null argument, NULL when there is none; stays exact under retractions. */
  MAX,
  /**
   * One of the non-null arguments, NULL when there is none. Eddy returns the least one, so the
   * result is deterministic, but callers may rely only on "one of the values".
   */
  ANY_VALUE,
  /** TRUE when every non-null BOOLEAN argument is TRUE; NULL when there is none. */
  BOOL_AND,
  /** TRUE when some non-null BOOLEAN argument is TRUE; NULL when there is none. */
  BOOL_OR
}
