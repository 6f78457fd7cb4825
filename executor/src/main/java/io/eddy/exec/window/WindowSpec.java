package io.eddy.exec.window;

/**
 * A fixed-size window family over event time (millis): which windows a timestamp belongs to.
 * Windows align to the epoch shifted by {@code offset}, as in Calcite and Flink. Immutable.
 *
 * <ul>
 *   <li>TUMBLE: {@code size} only; each timestamp is in exactly one window.
 *   <li>HOP: windows of {@code size} starting every {@code slide}; a timestamp is in
 *       {@code size / slide} windows (rounded up).
 *   <li>CUMULATE: windows starting every {@code size}, ending every {@code slide} (the step)
 *       after that start, up to {@code size}.
 * </ul>
 */
public record WindowSpec(Kind kind, long size, long slide, long offset) {
  /** The window families with a fixed assignment (SESSION merges; see SessionWindowOperator). */
  public enum Kind { TUMBLE, HOP, CUMULATE }

  /** Receives one window {@code [start, end)}. */
  @FunctionalInterface
  public interface WindowSink {
    void window(long start, long end);
  }

  public WindowSpec {
    if (size <= 0 || slide <= 0) {
      throw new IllegalArgumentException("window size and slide must be positive: " + size + ", " + slide);
    }
    if (kind == Kind.CUMULATE && size % slide != 0) {
      throw new IllegalArgumentException("CUMULATE size " + size + " is not a multiple of its step " + slide);
    }
  }

  public static WindowSpec tumble(long size, long offset) {
    return new WindowSpec(Kind.TUMBLE, size, size, offset);
  }

  public static WindowSpec hop(long slide, long size, long offset) {
    return new WindowSpec(Kind.HOP, size, slide, offset);
  }

  public static WindowSpec cumulate(long step, long size, long offset) {
    return new WindowSpec(Kind.CUMULATE, size, step, offset);
  }

  /** Calls {@code sink} once per window containing {@code ts}. */
  public void assign(long ts, WindowSink sink) {
    switch (kind) {
      case TUMBLE -> {
        long start = ts - Math.floorMod(ts - offset, size);
        sink.window(start, start + size);
      }
      case HOP -> {
        for (long start = ts - Math.floorMod(ts - offset, slide); start > ts - size; start -= slide) {
          sink.window(start, start + size);
        }
      }
      case CUMULATE -> {
        long start = ts - Math.floorMod(ts - offset, size);
        for (long end = ts - Math.floorMod(ts - start, slide) + slide; end <= start + size; end += slide) {
          sink.window(start, end);
        }
      }
      default -> throw new IllegalStateException(kind.name());
    }
  }

  /**
   * The longest span that every window bound falls on the edge of: the greatest common divisor of
   * the size and the slide (millis). A HOP window is {@code size / pane()} consecutive panes.
   */
  public long pane() {
    long a = size;
    for (long b = slide; b != 0; ) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  /** The most windows one timestamp is in (1 for TUMBLE), to size output batches. */
  public long windowsPerRow() {
    return kind == Kind.TUMBLE ? 1 : (size + slide - 1) / slide;
  }

  /** The longest any window lasts: how far past a window's start its end can be. */
  public long maxLength() {
    return size;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case TUMBLE -> "TUMBLE(size=" + size + (offset != 0 ? ", offset=" + offset : "") + ")";
      case HOP -> "HOP(slide=" + slide + ", size=" + size + (offset != 0 ? ", offset=" + offset : "") + ")";
      case CUMULATE -> "CUMULATE(step=" + slide + ", size=" + size + (offset != 0 ? ", offset=" + offset : "") + ")";
    };
  }
}
