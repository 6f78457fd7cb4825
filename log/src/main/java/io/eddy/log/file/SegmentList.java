package io.eddy.log.file;

import java.util.List;

/**
 * A partition's segments by base offset, oldest first, never empty; immutable. The partition
 * publishes a new list on each roll, retention delete and truncation (under its lock), and a read
 * (no lock) searches the list it found: one array and a binary search, whose branches all run as
 * soon as there are two segments. (A skip list's search took paths the JIT had not seen each time
 * it grew or shrank, and the reader's compiled code was thrown away and compiled again.)
 */
final class SegmentList {
  private final Segment[] segments;

  /** Over {@code segments}, which must be non-empty and in ascending base-offset order. */
  SegmentList(List<Segment> segments) {
    this(segments.toArray(Segment[]::new));
  }

  private SegmentList(Segment[] segments) {
    if (segments.length == 0) {
      throw new IllegalArgumentException("a partition has at least one segment");
    }
    for (int i = 1; i < segments.length; i++) {
      if (segments[i].baseOffset() <= segments[i - 1].baseOffset()) {
        throw new IllegalArgumentException("segments out of order: base offset " + segments[i].baseOffset()
            + " after " + segments[i - 1].baseOffset());
      }
    }
    this.segments = segments;
  }

  int size() {
    return segments.length;
  }

  Segment get(int i) {
    return segments[i];
  }

  Segment first() {
    return segments[0];
  }

  /** The active segment (appends go here). */
  Segment last() {
    return segments[segments.length - 1];
  }

  /** Index of the segment that would hold {@code offset}: the last one based at or below it; -1 if none is. */
  int floor(long offset) {
    int lo = 0;
    int hi = segments.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (segments[mid].baseOffset() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return hi;
  }

  /** This list with {@code rolled} (based above every segment here) appended. */
  SegmentList plus(Segment rolled) {
    Segment[] out = java.util.Arrays.copyOf(segments, segments.length + 1);
    out[segments.length] = rolled;
    return new SegmentList(out);
  }

  /** This list without its first segment (there must be another). */
  SegmentList withoutFirst() {
    return new SegmentList(java.util.Arrays.copyOfRange(segments, 1, segments.length));
  }

  /** The segments, oldest first (unmodifiable). */
  List<Segment> all() {
    return List.of(segments);
  }
}
