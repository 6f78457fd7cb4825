package io.eddy.log.file;

/** The decoded header of one batch; see {@link BatchFormat} for the layout. */
public record BatchHeader(long baseOffset, int recordCount, long firstTimestamp, long lastTimestamp,
    int payloadLength, int crc) {

  /** Header plus records section. */
  public int sizeInBytes() {
    return BatchFormat.HEADER_SIZE + payloadLength;
  }

  /** The offset after the last record of this batch. */
  public long nextOffset() {
    return baseOffset + recordCount;
  }
}
