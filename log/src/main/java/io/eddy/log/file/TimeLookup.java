package io.eddy.log.file;

import io.eddy.log.format.MalformedDataException;
import java.io.IOException;

/**
 * Seek by time within a segment: from the position its {@link SegmentIndex} gives for a
 * timestamp, visits CRC-checked records in order until one is at or after the timestamp.
 * Stateless apart from the read buffer; not thread-safe.
 */
final class TimeLookup {
  private final long timestamp;
  private final long end;
  private final ReadWindow window;

  TimeLookup(long timestamp, long end, ReadWindow window) {
    this.timestamp = timestamp;
    this.end = end;
    this.window = window;
  }

  /** The first offset below {@code end} in {@code s} whose timestamp is at least the target, or -1. */
  long find(Segment s) throws IOException {
    if (s.index().maxTimestamp() < timestamp) {
      return -1;
    }
    BatchCursor c = new BatchCursor(s.file(), s.index().timePosition(timestamp), s.size(), 64 << 10, window);
    long[] found = {-1};
    while (found[0] < 0 && c.next()) {
      BatchHeader h = c.header();
      if (h.baseOffset() >= end) {
        return -1;
      }
      if (!BatchFormat.crcMatches(c.buffer(), c.bufferOffset(), h)) {
        throw new MalformedDataException("CRC mismatch in batch " + h.baseOffset() + " at file position " + c.position());
      }
      BatchFormat.visit(c.buffer(), c.bufferOffset(), h, 0, (o, ts, b, ko, kl, vo, vl) -> {
        if (found[0] < 0 && ts >= timestamp && o < end) {
          found[0] = o;
        }
      });
    }
    return found[0];
  }
}
