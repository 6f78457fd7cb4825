package io.eddy.exec.circuit;

/** How much state an operator holds: entries and an estimate of bytes. */
public record StateSize(long rows, long bytes) {
  public static final StateSize NONE = new StateSize(0, 0);

  public StateSize plus(StateSize o) {
    return new StateSize(rows + o.rows, bytes + o.bytes);
  }
}
