package io.eddy.bench.nexmark;

import java.nio.charset.StandardCharsets;

/**
 * A reusable ASCII text of bounded capacity: {@link #clear()}, then append; the first
 * {@link #length()} bytes of {@link #bytes()} are the text. The array is the same for the life of
 * the object, so a slice of it handed to a {@link io.eddy.engine.RowAppender} stays valid until the
 * text is cleared. Not thread-safe.
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

  /** Drops the last characters down to {@code length}. */
  void truncate(int length) {
    this.length = length;
  }

  int length() {
    return length;
  }

  /** The backing array; the text is its first {@link #length()} bytes. */
  byte[] bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }
}
