package io.eddy.log.file;

import io.eddy.log.EncodedRecords;
import io.eddy.log.LogRecord;
import io.eddy.log.format.ByteSink;
import io.eddy.log.format.ByteSource;
import io.eddy.log.format.MalformedDataException;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The on-disk record batch, version 1: the unit of append, of CRC and of the sparse index. A
 * segment file is a plain sequence of batches with nothing before, between or after them.
 *
 * <pre>
 * Header (41 bytes, integers big-endian):
 *   offset  size  field
 *   0       4     magic           0x45445942 ("EDYB")
 *   4       1     version         1
 *   5       4     payloadLength   bytes of the records section that follows the header (>= 1)
 *   9       4     crc             CRC32C of bytes [13, 41 + payloadLength): everything after this field
 *   13      8     baseOffset      offset of the first record
 *   21      4     recordCount     number of records (>= 1); offsets are baseOffset .. baseOffset + count - 1
 *   25      8     firstTimestamp  timestamp of the first record (ms)
 *   33      8     lastTimestamp   timestamp of the last record (ms)
 * Records section (recordCount records, back to back):
 *   varint         offsetDelta     record offset - baseOffset (must equal the record's index)
 *   zigzag varlong timestampDelta  record timestamp - firstTimestamp
 *   zigzag varint  keyLength       -1 for a null key
 *   bytes          key             keyLength bytes
 *   varint         valueLength     values are never null
 *   bytes          value           valueLength bytes
 * </pre>
 *
 * Varints are unsigned LEB128 (7 bits a byte, low group first); zigzag maps n to
 * {@code (n << 1) ^ (n >> 31|63)} so small negative numbers stay short. The magic, version and
 * payloadLength are outside the CRC but are checked structurally; a wrong payloadLength makes the
 * CRC range wrong and therefore fails the CRC. The golden file {@code golden/batch-v1.hex} in the
 * tests pins this layout: changing it is a format version change.
 *
 * <p>Stateless; all methods are thread-safe.
 */
public final class BatchFormat {
  public static final int MAGIC = 0x45445942;
  public static final byte VERSION = 1;
  public static final int HEADER_SIZE = EncodedRecords.HEADER_RESERVE;
  static final int CRC_OFFSET = 9;
  static final int CRC_COVERED_FROM = 13;

  private BatchFormat() {}

  /** Receives a decoded record: key and value are slices of {@code buf}; {@code keyLen} -1 = null key. */
  @FunctionalInterface
  public interface Visitor {
    void record(long offset, long timestamp, byte[] buf, int keyOff, int keyLen, int valueOff, int valueLen);
  }

  /** Appends one batch holding {@code records} (non-empty, no null values) to {@code out}. */
  public static void encode(long baseOffset, List<LogRecord> records, ByteSink out) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one record");
    }
    int start = out.skip(HEADER_SIZE);
    long first = records.get(0).timestamp();
    for (int i = 0; i < records.size(); i++) {
      LogRecord r = records.get(i);
      if (r.value() == null) {
        throw new IllegalArgumentException("record " + i + " has a null value; log values are never null");
      }
      out.writeVarint(i);
      out.writeZigZagLong(r.timestamp() - first);
      byte[] key = r.key();
      out.writeZigZagInt(key == null ? -1 : key.length);
      if (key != null) {
        out.writeBytes(key, 0, key.length);
      }
      out.writeVarint(r.value().length);
      out.writeBytes(r.value(), 0, r.value().length);
    }
    finish(out, start, baseOffset, records.size(), first, records.get(records.size() - 1).timestamp());
  }

  /**
   * Makes {@code records} (non-empty) one batch in place: writes the header into their reserved
   * first bytes ({@link EncodedRecords#HEADER_RESERVE}), after which {@code records.buffer()[0,
   * records.size())} is the batch, the same bytes as the list form gives for the same records.
   */
  public static void seal(long baseOffset, EncodedRecords records) {
    int n = records.count();
    if (n == 0) {
      throw new IllegalArgumentException("a batch needs at least one record");
    }
    if (records.hasOpenRecord()) { // its bytes are in the buffer, after the last record: they would be written too
      throw new IllegalStateException("a record is still open: end or abort it before appending");
    }
    ByteSink out = records.sink();
    finish(out, 0, baseOffset, n, records.timestamp(0), records.timestamp(n - 1));
  }

  private static void finish(ByteSink out, int start, long baseOffset, int count, long first, long last) {
    byte[] b = out.array();
    out.putInt(start, MAGIC);
    b[start + 4] = VERSION;
    out.putInt(start + 5, out.size() - start - HEADER_SIZE);
    out.putLong(start + 13, baseOffset);
    out.putInt(start + 21, count);
    out.putLong(start + 25, first);
    out.putLong(start + 33, last);
    out.putInt(start + CRC_OFFSET, crc(b, start + CRC_COVERED_FROM, out.size() - start - CRC_COVERED_FROM));
  }

  /**
   * Decodes and structurally checks the header at {@code buf[off, off + HEADER_SIZE)}: magic,
   * version, positive payload length and record count. Does not check the CRC.
   */
  public static BatchHeader header(byte[] buf, int off) {
    int magic = ByteSource.intAt(buf, off);
    if (magic != MAGIC) {
      throw new MalformedDataException(String.format("bad batch magic 0x%08x", magic));
    }
    if (buf[off + 4] != VERSION) {
      throw new MalformedDataException("unknown batch format version " + buf[off + 4]);
    }
    BatchHeader h = new BatchHeader(ByteSource.longAt(buf, off + 13), ByteSource.intAt(buf, off + 21),
        ByteSource.longAt(buf, off + 25), ByteSource.longAt(buf, off + 33), ByteSource.intAt(buf, off + 5),
        ByteSource.intAt(buf, off + CRC_OFFSET));
    if (h.payloadLength() < 1 || h.recordCount() < 1 || h.baseOffset() < 0) {
      throw new MalformedDataException("bad batch header " + h);
    }
    return h;
  }

  /** True when the CRC of the whole batch at {@code buf[off, off + h.sizeInBytes())} matches. */
  public static boolean crcMatches(byte[] buf, int off, BatchHeader h) {
    return crc(buf, off + CRC_COVERED_FROM, h.sizeInBytes() - CRC_COVERED_FROM) == h.crc();
  }

  /**
   * Visits the records of the batch at {@code buf[off, ...)} whose offset is at least
   * {@code fromOffset}; returns how many were visited. Throws {@link MalformedDataException} if
   * the records section does not match the header.
   */
  public static int visit(byte[] buf, int off, BatchHeader h, long fromOffset, Visitor visitor) {
    ByteSource in = new ByteSource(buf, off + HEADER_SIZE, h.payloadLength());
    int visited = 0;
    for (int i = 0; i < h.recordCount(); i++) {
      int delta = in.readVarint();
      if (delta != i) {
        throw new MalformedDataException("record " + i + " of batch " + h.baseOffset() + " has offset delta " + delta);
      }
      long ts = h.firstTimestamp() + in.readZigZagLong();
      int keyLen = in.readZigZagInt();
      int keyOff = keyLen == -1 ? in.position() : in.skip(keyLen);
      int valueLen = in.readVarint();
      int valueOff = in.skip(valueLen);
      long offset = h.baseOffset() + i;
      if (offset >= fromOffset) {
        visitor.record(offset, ts, buf, keyOff, keyLen, valueOff, valueLen);
        visited++;
      }
    }
    if (in.remaining() != 0) {
      throw new MalformedDataException(in.remaining() + " bytes left over after the records of batch " + h.baseOffset());
    }
    return visited;
  }

  /** The largest record timestamp of the (CRC-checked) batch at {@code buf[off, ...)}. */
  public static long maxTimestamp(byte[] buf, int off, BatchHeader h) {
    long[] max = {Long.MIN_VALUE};
    visit(buf, off, h, 0, (o, ts, b, ko, kl, vo, vl) -> max[0] = Math.max(max[0], ts));
    return max[0];
  }

  private static int crc(byte[] b, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(b, off, len);
    return (int) c.getValue();
  }
}
