package io.eddy.log.file;

import io.eddy.log.format.ByteSink;
import io.eddy.log.format.ByteSource;
import io.eddy.log.format.MalformedDataException;
import java.util.zip.CRC32C;

/**
 * The index file of a segment, version 1: {@code <baseOffset, 20 digits>.index} beside
 * {@code <baseOffset>.log}, holding the segment's {@link SegmentIndex} (offset and time index in
 * one file) and the facts needed to open a sealed segment without scanning it.
 *
 * <pre>
 * Header (52 bytes, integers big-endian):
 *   offset  size  field
 *   0       4     magic              0x45445949 ("EDYI")
 *   4       1     version            1
 *   5       3     reserved           0
 *   8       8     baseOffset         the segment's base offset (must match the file name)
 *   16      8     segmentBytes       size of the .log file this index describes
 *   24      8     nextOffset         offset after the segment's last batch
 *   32      8     maxTimestamp       largest record timestamp in the segment (Long.MIN_VALUE if empty)
 *   40      8     bytesSinceLast     bytes of batches from the last entry's batch to the end
 *   48      4     entryCount         n
 * Entries (n x 24 bytes, ascending):
 *   0       8     offset             base offset of an indexed batch
 *   8       8     position           its position in the .log file
 *   16      8     maxTimestampBefore largest timestamp of the records before that position
 * Trailer:
 *   4             crc                CRC32C of every byte before it
 * </pre>
 *
 * An index file is trusted only when its CRC matches, its entries are ascending and inside the
 * segment, and {@code segmentBytes} equals the size of the segment file now; otherwise the
 * segment is scanned and the index rebuilt ({@link MalformedDataException} from
 * {@link #decode} says why). It is written whole, to a temporary file renamed into place. The
 * golden file {@code golden/index-v1.hex} in the tests pins this layout. Stateless.
 */
final class IndexFile {
  static final String SUFFIX = ".index";
  static final int MAGIC = 0x45445949;
  static final byte VERSION = 1;
  static final int HEADER_SIZE = 52;
  static final int ENTRY_SIZE = 24;

  /** A decoded index file. */
  record Contents(SegmentIndex index, long nextOffset) {}

  private IndexFile() {}

  static String fileName(long baseOffset) {
    return String.format("%020d%s", baseOffset, SUFFIX);
  }

  static byte[] encode(long baseOffset, long segmentBytes, long nextOffset, SegmentIndex index) {
    int n = index.entries();
    ByteSink out = new ByteSink(HEADER_SIZE + n * ENTRY_SIZE + 4);
    out.skip(HEADER_SIZE);
    for (int i = 0; i < n; i++) {
      out.skip(ENTRY_SIZE);
      int at = HEADER_SIZE + i * ENTRY_SIZE;
      out.putLong(at, index.offsetAt(i));
      out.putLong(at + 8, index.positionAt(i));
      out.putLong(at + 16, index.maxTimestampBeforeAt(i));
    }
    out.putInt(0, MAGIC);
    out.array()[4] = VERSION;
    out.putLong(8, baseOffset);
    out.putLong(16, segmentBytes);
    out.putLong(24, nextOffset);
    out.putLong(32, index.maxTimestamp());
    out.putLong(40, index.bytesSinceLastEntry());
    out.putInt(48, n);
    int crcAt = out.skip(4);
    out.putInt(crcAt, crc(out.array(), crcAt));
    return out.toByteArray();
  }

  /** Decodes and checks an index file against the segment it claims to describe. */
  static Contents decode(byte[] b, long baseOffset, long segmentBytes, int intervalBytes) {
    if (b.length < HEADER_SIZE + 4) {
      throw new MalformedDataException("index file of " + b.length + " bytes is shorter than its header");
    }
    int n = ByteSource.intAt(b, 48);
    if (n < 0 || b.length != HEADER_SIZE + (long) n * ENTRY_SIZE + 4) {
      throw new MalformedDataException("index file of " + b.length + " bytes cannot hold " + n + " entries");
    }
    if (ByteSource.intAt(b, b.length - 4) != crc(b, b.length - 4)) {
      throw new MalformedDataException("index file CRC mismatch");
    }
    if (ByteSource.intAt(b, 0) != MAGIC || b[4] != VERSION) {
      throw new MalformedDataException("not an index file of version " + VERSION);
    }
    if (ByteSource.longAt(b, 8) != baseOffset || ByteSource.longAt(b, 16) != segmentBytes) {
      throw new MalformedDataException("index describes segment " + ByteSource.longAt(b, 8) + " of "
          + ByteSource.longAt(b, 16) + " bytes, the segment file has " + segmentBytes);
    }
    long nextOffset = ByteSource.longAt(b, 24);
    if ((n == 0) != (segmentBytes == 0) || nextOffset < baseOffset || (n == 0 && nextOffset != baseOffset)) {
      throw new MalformedDataException("index entries do not match the segment size");
    }
    SegmentIndex index = new SegmentIndex(intervalBytes);
    long lastOffset = baseOffset - 1;
    long lastPosition = -1;
    for (int i = 0; i < n; i++) {
      int at = HEADER_SIZE + i * ENTRY_SIZE;
      long offset = ByteSource.longAt(b, at);
      long position = ByteSource.longAt(b, at + 8);
      if (offset <= lastOffset || offset >= nextOffset || position <= lastPosition || position >= segmentBytes
          || (i == 0 && (offset != baseOffset || position != 0))) {
        throw new MalformedDataException("index entry " + i + " (" + offset + " at " + position + ") is out of order");
      }
      index.addEntry(offset, position, ByteSource.longAt(b, at + 16));
      lastOffset = offset;
      lastPosition = position;
    }
    index.restore(ByteSource.longAt(b, 32), ByteSource.longAt(b, 40));
    return new Contents(index, nextOffset);
  }

  private static int crc(byte[] b, int len) {
    CRC32C c = new CRC32C();
    c.update(b, 0, len);
    return (int) c.getValue();
  }
}
