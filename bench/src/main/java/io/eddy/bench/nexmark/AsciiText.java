package io.eddy.bench.nexmark;

import io.eddy.engine.RowAppender;
import java.nio.charset.StandardCharsets;

/**
 * A reusable ASCII text of bounded capacity: {@link #clear()}, then append. The text lives in
 * one array for the life of the object, so what {@link #set} hands to a {@link RowAppender} stays
 * valid until the text is cleared. Not thread-safe.
 */
final class AsciiText {
  private final byte[] bytes;
  private int length;

  AsciiText(int capacity) {
    this.bytes = new byte[capacity];
  }

  void clear() {
    length = 0;
  }

  void append(byte b) {
    bytes[length++] = b;
  }

  void append(byte[] b) {
    System.arraycopy(b, 0, bytes, length, b.length);
    length += b.length;
  }

  /** Drops the characters up to {@code ' '} at the end, as {@link String#trim()} does, but none before {@code from}. */
  void trimEnd(int from) {
    while (length > from && bytes[length - 1] <= ' ') {
      length--;
    }
  }

  int length() {
    return length;
  }

  /** Sets column {@code column} of {@code row} to this text; it must stay unchanged until the row ends. */
  void set(RowAppender row, int column) {
    row.setUtf8(column, bytes, 0, length);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }
}
