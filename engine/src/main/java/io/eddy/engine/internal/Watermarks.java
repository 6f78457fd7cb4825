package io.eddy.engine.internal;

import java.time.Instant;

/** How watermarks are shown to users. */
final class Watermarks {
  private Watermarks() {}

  /** {@code none} before any event time, else the UTC instant, e.g. {@code 2015-02-15T10:15:00Z}. */
  static String format(long watermark) {
    return watermark == Long.MIN_VALUE || watermark == Long.MAX_VALUE ? "none"
        : Instant.ofEpochMilli(watermark).toString();
  }
}
