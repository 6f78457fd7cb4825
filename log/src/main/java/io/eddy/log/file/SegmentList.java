package io.eddy.log.file;

import java.util.List;

/**
 * A partition's segments by base offset, oldest first, never empty; immutable. The partition
 * publishes a new list on each roll, retention delete and truncation (under its lock), and a read
 * (no lock) searches the list it found: one array and a binary search without a branch on the
 * data. (A skip list's search took paths the JIT had not seen each time it grew or shrank, and the
 * reader's compiled code was thrown away and compiled again.)
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

  /**
   * Index of the segment that would hold {@code offset} (not negative): the last one based at or
   * below it; -1 if none is. A binary search without a branch on the data: a reader behind by a
   * segment must not take a path the JIT compiled as never taken (it did, 8 s into a 40 M-event
   * run, when each step was an {@code if}).
   */
  int floor(long offset) {
    int at = 0;
    for (int len = segments.length; len > 1; ) {
      int half = len >>> 1;
      // all ones when segment at + half is based at or below offset: then the answer is there or above
      at += half & (int) ((segments[at + half].baseOffset() - offset - 1) >> 63);
      len -= half;
    }
    return at - (int) ((offset - segments[at].baseOffset()) >>> 63);
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
