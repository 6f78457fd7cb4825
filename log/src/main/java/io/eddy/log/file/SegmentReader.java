package io.eddy.log.file;

import io.eddy.log.RecordVisitor;
import io.eddy.log.format.MalformedDataException;
import java.io.IOException;

/**
 * One {@code read} call of a partition: walks segments from a start offset, seeking with each
 * segment's sparse index, skipping the records of the first batch below the start offset, checking
 * the CRC of every batch it passes (skipped ones too: their header decides the skip), and stopping at the end offset seen when the read began or after
 * about {@code maxBytes} of batches (always after at least one). Not thread-safe; one per call.
 */
final class SegmentReader {
  private final long end;
  private final int maxBytes;
  private final BatchFormat.Visitor adapter;
  private final ReadWindow window;
  private long next;
  private long bytes;
  private boolean done;

  SegmentReader(long fromOffset, long end, int maxBytes, RecordVisitor visitor, ReadWindow window) {
    this.next = fromOffset;
    this.end = end;
    this.maxBytes = maxBytes;
    this.window = window;
    this.adapter = (offset, ts, buf, keyOff, keyLen, valueOff, valueLen) -> visitor.record(offset, ts, buf, valueOff, valueLen);
  }

  /** Visits what this read still wants from {@code s}. */
  void readFrom(Segment s, int chunkBytes) throws IOException {
    BatchCursor c = new BatchCursor(s.file(), s.index().floorPosition(next), s.size(), chunkBytes, window);
    while (!done && c.next()) {
      visit(c);
    }
  }

  private void visit(BatchCursor c) {
    BatchHeader h = c.header();
    if (!BatchFormat.crcMatches(c.buffer(), c.bufferOffset(), h)) { // before trusting any header field
      throw new MalformedDataException("CRC mismatch in batch " + h.baseOffset() + " at file position " + c.position());
    }
    if (h.baseOffset() >= end) {
      done = true;
      return;
    }
    if (h.nextOffset() <= next) {
      return;
    }
    if (h.baseOffset() > next) {
      throw new MalformedDataException("expected offset " + next + " but found a batch starting at "
          + h.baseOffset() + " (file position " + c.position() + ")");
    }
    BatchFormat.visit(c.buffer(), c.bufferOffset(), h, next, adapter);
    next = h.nextOffset();
    bytes += h.sizeInBytes();
    done = bytes >= maxBytes || next >= end;
  }

  boolean done() {
    return done;
  }

  long nextOffset() {
    return next;
  }
}
