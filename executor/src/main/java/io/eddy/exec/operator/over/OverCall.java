package io.eddy.exec.operator.over;

import io.eddy.common.type.TypeKind;

/**
 * One aggregate of an OVER window: its function, argument column ({@code -1} for COUNT(*)) and
 * result type. Immutable.
 */
public record OverCall(Kind kind, int arg, TypeKind resultKind) {
  /** The functions an OVER window computes; SUM is NULL over no values, SUM0 is 0. */
  public enum Kind { COUNT, SUM, SUM0, AVG, MIN, MAX }

  @Override
  public String toString() {
    return kind + "(" + (arg < 0 ? "*" : "$" + arg) + ")";
  }
}
