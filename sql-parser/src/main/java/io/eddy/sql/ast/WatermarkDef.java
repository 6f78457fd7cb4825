package io.eddy.sql.ast;

/**
 * {@code WATERMARK FOR col AS col - INTERVAL 'n' unit}: the event-time column and the allowed
 * disorder in milliseconds (0 for {@code WATERMARK FOR col AS col}).
 */
public record WatermarkDef(Identifier column, long delayMillis) {
  public WatermarkDef {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("negative watermark delay");
    }
  }
}
