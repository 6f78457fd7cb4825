package io.eddy.sql.ast;

/**
 * {@code WATERMARK FOR col AS col - INTERVAL 'n' unit}: the event-time column and the allowed
 * disorder in milliseconds (0 for {@code WATERMARK FOR col AS col}). With {@code proctime} the
 * column was declared {@code col AS PROCTIME()}: the engine fills it with the wall clock at append,
 * and it is the stream's time attribute with delay 0.
 */
public record WatermarkDef(Identifier column, long delayMillis, boolean proctime) {
  public WatermarkDef {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("negative watermark delay");
    }
  }

  /** An event-time watermark on a column the rows give. */
  public WatermarkDef(Identifier column, long delayMillis) {
    this(column, delayMillis, false);
  }
}
