package io.eddy.log.format;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

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

  public RowCodec(RowType type) {
    this.type = type;
    this.kinds = new TypeKind[type.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = type.type(i).kind();
    }
    this.bitmapBytes = (kinds.length + 7) >>> 3;
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
    return decode(in, sink, null);
  }

  /**
   * Like {@link #decode(ByteSource, FieldSink)}, but a column whose {@code read} entry is false
   * is skipped over unread and never delivered to the sink, not even as NULL ({@code read} null:
   * every column is read); the bytes are checked as strictly as when reading.
   */
  public byte decode(ByteSource in, FieldSink sink, boolean[] read) {
    byte kind = in.readByte();
    if (kind != INSERT && kind != DELETE) {
      throw new MalformedDataException("bad row kind " + kind);
    }
    byte[] buf = in.array();
    int bitmap = in.skip(bitmapBytes);
    for (int i = 0; i < kinds.length; i++) {
      boolean wanted = read == null || read[i];
      if ((buf[bitmap + (i >>> 3)] & (1 << (i & 7))) != 0) {
        if (wanted) {
          sink.nullField(i);
        }
      } else if (wanted) {
        readField(i, in, sink);
      } else {
        skipField(i, in);
      }
    }
    if (in.remaining() != 0) {
      throw new MalformedDataException(in.remaining() + " bytes left over after a row of " + kinds.length + " fields");
    }
    return kind;
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

  private void skipField(int i, ByteSource in) {
    switch (kinds[i]) {
      case BOOLEAN -> in.readByte();
      case INT, DATE -> in.readVarint();
      case BIGINT, TIMESTAMP -> in.readVarlong();
      case DOUBLE -> in.skip(Double.BYTES);
      case DECIMAL -> {
        in.readVarint();
        in.skip(unscaledLength(i, in));
      }
      case VARCHAR -> in.skip(in.readVarint());
    }
  }

  /** Reads the byte length of column {@code i}'s unscaled DECIMAL value (at least one byte). */
  private static int unscaledLength(int i, ByteSource in) {
    int n = in.readVarint();
    if (n < 1) {
      throw new MalformedDataException("decimal of column " + i + " has " + n + " unscaled bytes");
    }
    return n;
  }

  private void readField(int i, ByteSource in, FieldSink sink) {
    switch (kinds[i]) {
      case BOOLEAN -> sink.booleanField(i, in.readByte() != 0);
      case INT, DATE -> sink.intField(i, in.readZigZagInt());
      case BIGINT, TIMESTAMP -> sink.longField(i, in.readZigZagLong());
      case DOUBLE -> sink.doubleField(i, in.readDouble());
      case DECIMAL -> {
        int scale = in.readZigZagInt();
        int n = unscaledLength(i, in);
        sink.objectField(i, new BigDecimal(new BigInteger(in.array(), in.skip(n), n), scale));
      }
      case VARCHAR -> {
        int n = in.readVarint();
        sink.objectField(i, new String(in.array(), in.skip(n), n, StandardCharsets.UTF_8));
      }
    }
  }
}
