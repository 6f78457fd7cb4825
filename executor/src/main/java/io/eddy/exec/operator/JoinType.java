package io.eddy.exec.operator;

/**
 * Which rows a {@link JoinOperator} emits. INNER, LEFT, RIGHT and FULL emit every matching pair
 * (left columns, then right columns); the outer kinds also emit each unmatched row of their outer
 * side(s) padded with NULLs. SEMI emits each left row that has a match, ANTI each left row that has
 * none (left columns only, with the left row's multiplicity).
 */
public enum JoinType {
  INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

  /** Whether the operator must know, per row of input {@code port} (0 left, 1 right), if it has a match. */
  public boolean tracksMatches(int port) {
    return port == 0 ? this == LEFT || this == FULL || this == SEMI || this == ANTI : this == RIGHT || this == FULL;
  }

  /** Whether matching pairs are output (false for SEMI and ANTI, which output left rows). */
  public boolean emitsPairs() {
    return this != SEMI && this != ANTI;
  }

  /** Whether a row of a tracked side is output (alone or padded) given whether it has a match. */
  boolean keepsRow(boolean matched) {
    return this == SEMI ? matched : !matched;
  }

  /** Whether the output can never retract when both inputs never retract. */
  public boolean preservesInsertOnly() {
    return this == INNER || this == SEMI;
  }
}
