package io.eddy.log.format;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import java.math.BigDecimal;

/**
 * The compact binary row format of internal streams and tables, for one {@link RowType}. The
 * bytes do not describe the schema: reader and writer must agree on the row type.
 *
 * <pre>
 * offset  size              field
 * 0       1                 kind: 0 = insert/upsert, 1 = delete; other values are invalid
 * 1       ceil(n / 8)       null bitmap, n = number of columns: bit (i % 8) of byte (i / 8),
 *                           least significant bit first, is 1 when column i is NULL
 * ...                       then each non-null column in order, nothing for NULL ones:
 *   BOOLEAN               1 byte, 0 or 1
 *   INT, DATE             zigzag varint (DATE: days since 1970-01-01)
 *   BIGINT, TIMESTAMP     zigzag varlong (TIMESTAMP: milliseconds since 1970-01-01)
 *   DOUBLE                8 bytes, IEEE 754 bits big-endian
 *   DECIMAL               zigzag varint scale, varint length L, L bytes of the unscaled value
 *                         (two's complement, big-endian, as BigInteger.toByteArray)
 *   VARCHAR               varint length L, L bytes of UTF-8
 * </pre>
 * Varints are unsigned LEB128 (7 bits a byte, low group first, high bit set on all but the last
 * byte); zigzag maps n to {@code (n << 1) ^ (n >> 31|63)}. Java values follow {@link TypeKind}.
 * The golden file {@code golden/row-v1.hex} in the tests pins this layout.
 *
 * <p>Immutable and thread-safe.
 */
public final class RowCodec {
  public static final byte INSERT = 0;
  public static final byte DELETE = 1;

  private final RowType type;
  private final TypeKind[] kinds;
  private final int bitmapBytes;
  private final RowDecoder all;

  public RowCodec(RowType type) {
    this.type = type;
    this.kinds = new TypeKind[type.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = type.type(i).kind();
    }
    this.bitmapBytes = (kinds.length + 7) >>> 3;
    this.all = new RowDecoder(kinds, null);
  }

  public RowType rowType() {
    return type;
  }

  /** Encodes into a new array. */
  public byte[] encode(byte kind, Object[] row) {
    ByteSink out = new ByteSink(16 + 8 * kinds.length);
    encode(kind, row, out);
    return out.toByteArray();
  }

  /**
   * Appends the encoding of {@code row} to {@code out} and returns the number of bytes written;
   * allocates only the UTF-8 bytes of strings (with a reused, large enough sink).
   */
  public int encode(byte kind, Object[] row, ByteSink out) {
    if (kind != INSERT && kind != DELETE) {
      throw new IllegalArgumentException("row kind must be 0 (insert) or 1 (delete), not " + kind);
    }
    if (row.length != kinds.length) {
      throw new IllegalArgumentException("row has " + row.length + " fields, the row type " + kinds.length);
    }
    int start = out.size();
    out.writeByte(kind);
    int bitmap = out.skip(bitmapBytes);
    java.util.Arrays.fill(out.array(), bitmap, bitmap + bitmapBytes, (byte) 0);
    for (int i = 0; i < kinds.length; i++) {
      if (row[i] == null) {
        out.array()[bitmap + (i >>> 3)] |= (byte) (1 << (i & 7));
      } else {
        writeField(i, row[i], out);
      }
    }
    return out.size() - start;
  }

  private void writeField(int i, Object v, ByteSink out) {
    try {
      switch (kinds[i]) {
        case BOOLEAN -> out.writeByte((Boolean) v ? 1 : 0);
        case INT, DATE -> out.writeZigZagInt((Integer) v);
        case BIGINT, TIMESTAMP -> out.writeZigZagLong((Long) v);
        case DOUBLE -> out.writeDouble((Double) v);
        case DECIMAL -> writeDecimal((BigDecimal) v, out);
        case VARCHAR -> out.writeUtf8WithLength((String) v);
      }
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("column " + i + " (" + type.get(i).name() + " " + type.type(i)
          + ") cannot hold a " + v.getClass().getName(), e);
    }
  }

  /** A DECIMAL field: zigzag scale, varint length, the unscaled value's two's-complement bytes. */
  static void writeDecimal(BigDecimal d, ByteSink out) {
    byte[] unscaled = d.unscaledValue().toByteArray();
    out.writeZigZagInt(d.scale());
    out.writeVarint(unscaled.length);
    out.writeBytes(unscaled, 0, unscaled.length);
  }

  /**
   * Decodes the row in {@code buf[off, off + len)}, delivering every field to {@code sink} in
   * column order, and returns its kind. Throws {@link MalformedDataException} if the bytes do not
   * hold exactly one row of this type.
   */
  public byte decode(byte[] buf, int off, int len, FieldSink sink) {
    return decode(new ByteSource(buf, off, len), sink);
  }

  /**
   * Decodes the row held by {@code in} from its position to its limit (reuse one source with
   * {@link ByteSource#reset} to decode many rows without allocating), like
   * {@link #decode(byte[], int, int, FieldSink)}.
   */
  public byte decode(ByteSource in, FieldSink sink) {
    return all.decode(in, sink);
  }

  /**
   * A decoder that delivers only the columns whose {@code read} entry is true and skips over the
   * others unread (never delivered, not even as NULL), checking the bytes as strictly as when
   * reading; {@code read} null: every column. A reader of many rows keeps one.
   */
  public RowDecoder decoder(boolean[] read) {
    return read == null ? all : new RowDecoder(kinds, read);
  }

  /** Decodes the row in {@code buf[off, off + len)} into its values; the kind is not returned. */
  public Object[] decodeValues(byte[] buf, int off, int len) {
    Object[] row = new Object[kinds.length];
    decode(buf, off, len, new FieldSink() {
      @Override
      public void nullField(int i) {
        row[i] = null;
      }

      @Override
      public void booleanField(int i, boolean v) {
        row[i] = v;
      }

      @Override
      public void intField(int i, int v) {
        row[i] = v;
      }

      @Override
      public void longField(int i, long v) {
        row[i] = v;
      }

      @Override
      public void doubleField(int i, double v) {
        row[i] = v;
      }

      @Override
      public void objectField(int i, Object v) {
        row[i] = v;
      }
    });
    return row;
  }
}
