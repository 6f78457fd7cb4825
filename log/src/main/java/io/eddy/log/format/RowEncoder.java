package io.eddy.log.format;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import java.math.BigDecimal;

/**
 * Writes rows of one {@link RowType} field by field, in column order, straight into a
 * {@link ByteSink} in {@link RowCodec}'s format, without boxing: the bytes equal what
 * {@link RowCodec#encode(byte, Object[], ByteSink)} writes for the same values. Text can be given
 * as UTF-8 bytes ({@link #putUtf8}), which are copied as they are.
 *
 * <p>Each {@code put} checks that it matches the next column's {@link TypeKind} and throws
 * {@link IllegalArgumentException} if not; {@link #end()} throws {@link IllegalStateException}
 * unless every column was written. Not thread-safe; reusable row after row.
 */
public final class RowEncoder {
  private final TypeKind[] kinds;
  private final int bitmapBytes;
  private ByteSink out;
  private int start;
  private int bitmap;
  private int column;

  public RowEncoder(RowType type) {
    this.kinds = new TypeKind[type.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = type.type(i).kind();
    }
    this.bitmapBytes = (kinds.length + 7) >>> 3;
  }

  /** Starts a row of {@code kind} ({@link RowCodec#INSERT} or {@link RowCodec#DELETE}) at the end of {@code sink}. */
  public void begin(ByteSink sink, byte kind) {
    if (kind != RowCodec.INSERT && kind != RowCodec.DELETE) {
      throw new IllegalArgumentException("row kind must be 0 (insert) or 1 (delete), not " + kind);
    }
    if (out != sink) { // a reference store costs G1's write barrier (a fence): an encoder writes row after row into one sink
      this.out = sink;
    }
    this.start = sink.size();
    sink.writeByte(kind);
    this.bitmap = sink.skip(bitmapBytes);
    byte[] b = sink.array();
    for (int i = bitmap; i < bitmap + bitmapBytes; i++) {
      b[i] = 0;
    }
    this.column = 0;
  }

  /** The column the next {@code put} writes. */
  public int column() {
    return column;
  }

  /** Whether column {@code i}, one already written in this row ({@code i < column()}), is NULL. */
  public boolean isNull(int i) {
    if (i >= column) {
      throw new IllegalStateException("column " + i + " is not written yet");
    }
    return (out.array()[bitmap + (i >>> 3)] & (1 << (i & 7))) != 0;
  }

  /** The type of column {@code i}. */
  public TypeKind kind(int i) {
    return kinds[i];
  }

  public void putNull() {
    int i = next();
    out.array()[bitmap + (i >>> 3)] |= (byte) (1 << (i & 7));
  }

  public void putBoolean(boolean v) {
    expect(TypeKind.BOOLEAN);
    out.writeByte(v ? 1 : 0);
  }

  /** An INT or DATE column. */
  public void putInt(int v) {
    TypeKind k = kinds[check()];
    if (k != TypeKind.INT && k != TypeKind.DATE) {
      throw mismatch("an int");
    }
    column++;
    out.writeZigZagInt(v);
  }

  /** A BIGINT or TIMESTAMP column. */
  public void putLong(long v) {
    TypeKind k = kinds[check()];
    if (!k.isLongBacked()) {
      throw mismatch("a long");
    }
    column++;
    out.writeZigZagLong(v);
  }

  public void putDouble(double v) {
    expect(TypeKind.DOUBLE);
    out.writeDouble(v);
  }

  public void putDecimal(BigDecimal v) {
    expect(TypeKind.DECIMAL);
    RowCodec.writeDecimal(v, out);
  }

  public void putString(String v) {
    expect(TypeKind.VARCHAR);
    out.writeUtf8WithLength(v);
  }

  /** A VARCHAR given as {@code len} bytes of UTF-8 (the caller vouches for their validity). */
  public void putUtf8(byte[] utf8, int off, int len) {
    expect(TypeKind.VARCHAR);
    out.writeVarint(len);
    out.writeBytes(utf8, off, len);
  }

  /** Finishes the row; returns its length in bytes. */
  public int end() {
    if (column != kinds.length) {
      throw new IllegalStateException("row ended after " + column + " of " + kinds.length + " columns");
    }
    return out.size() - start;
  }

  private void expect(TypeKind kind) {
    if (kinds[check()] != kind) {
      throw mismatch("a " + kind);
    }
    column++;
  }

  private int next() {
    int i = check();
    column++;
    return i;
  }

  private int check() {
    if (column >= kinds.length) {
      throw new IllegalStateException("row has only " + kinds.length + " columns");
    }
    return column;
  }

  private IllegalArgumentException mismatch(String what) {
    return new IllegalArgumentException("column " + column + " is " + kinds[column] + ", not " + what);
  }
}
