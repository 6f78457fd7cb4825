package io.eddy.log.format;

/**
 * Bytes do not follow the format they are decoded with (truncated, bad varint, unknown tag).
 * Callers that read from storage turn it into an {@code EddyException} with code STORAGE.
 */
public final class MalformedDataException extends RuntimeException {
  public MalformedDataException(String message) {
    super(message);
  }
}
