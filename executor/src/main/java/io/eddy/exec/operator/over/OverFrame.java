package io.eddy.exec.operator.over;

/**
 * The frame of an OVER aggregate, relative to the current row of a partition sorted by its ORDER
 * BY keys. The frame always ends at the current row (with its peers for RANGE) or, with
 * {@code toEnd}, at the partition's last row. Immutable.
 *
 * @param rows ROWS (positions) rather than RANGE (values of the one ORDER BY key)
 * @param preceding how far back the frame starts: rows, or the key distance (millis for
 *     TIMESTAMP keys); {@link #UNBOUNDED} for the partition's first row
 * @param toEnd UNBOUNDED FOLLOWING: the frame ends at the partition's last row
 */
public record OverFrame(boolean rows, long preceding, boolean toEnd) {
  public static final long UNBOUNDED = -1;

  public OverFrame {
    if (preceding < UNBOUNDED) {
      throw new IllegalArgumentException("negative frame offset " + preceding);
    }
  }

  public boolean unboundedPreceding() {
    return preceding == UNBOUNDED;
  }

  @Override
  public String toString() {
    return (rows ? "ROWS " : "RANGE ") + (unboundedPreceding() ? "UNBOUNDED" : preceding) + " PRECEDING"
        + (toEnd ? " TO UNBOUNDED FOLLOWING" : "");
  }
}
