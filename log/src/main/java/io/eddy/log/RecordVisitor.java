package io.eddy.log;

/**
 * Receives records read from a partition without copying: {@code buf[off, off + len)} is the
 * record's value and is only valid during the call.
 */
@FunctionalInterface
public interface RecordVisitor {
  void record(long offset, long timestamp, byte[] buf, int off, int len);
}
