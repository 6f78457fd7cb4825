package io.eddy.log.format;

import io.eddy.common.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Decodes rows of one row type in {@link RowCodec}'s format, delivering to a {@link FieldSink} the
 * columns chosen when it was made ({@link RowCodec#decoder}) and skipping over the others unread;
 * the bytes are checked as strictly either way. What to do with each column is worked out once, so
 * a row costs one table lookup per column and, when no column is NULL (a null bitmap of zeros, the
 * common case), no bitmap test. Immutable and thread-safe.
 */
public final class RowDecoder {
  private static final byte BOOLEAN = 0;
  private static final byte INT = 1;
  private static final byte LONG = 2;
  private static final byte DOUBLE = 3;
  private static final byte DECIMAL = 4;
  private static final byte VARCHAR = 5;
  /** Added to a column's kind when it is skipped rather than delivered. */
  private static final byte SKIP = 8;

  /** Per column: its kind, plus {@link #SKIP} when it is not delivered. */
  private final byte[] ops;
  private final int bitmapBytes;

  RowDecoder(TypeKind[] kinds, boolean[] read) {
    if (read != null && read.length != kinds.length) {
      throw new IllegalArgumentException(read.length + " read flags for " + kinds.length + " columns");
    }
    this.ops = new byte[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      byte op = switch (kinds[i]) {
        case BOOLEAN -> BOOLEAN;
        case INT, DATE -> INT;
        case BIGINT, TIMESTAMP -> LONG;
        case DOUBLE -> DOUBLE;
        case DECIMAL -> DECIMAL;
        case VARCHAR -> VARCHAR;
      };
      ops[i] = read == null || read[i] ? op : (byte) (op + SKIP);
    }
    this.bitmapBytes = (kinds.length + 7) >>> 3;
  }

  /**
   * Decodes the row held by {@code in} from its position to its limit, delivering the chosen
   * columns to {@code sink} in column order (a NULL one as {@link FieldSink#nullField}), and
   * returns its kind. Throws {@link MalformedDataException} if the bytes do not hold exactly one
   * row of this type.
   */
  public byte decode(ByteSource in, FieldSink sink) {
    byte kind = in.readByte();
    if (kind != RowCodec.INSERT && kind != RowCodec.DELETE) {
      throw new MalformedDataException("bad row kind " + kind);
    }
    byte[] buf = in.array();
    int bitmap = in.skip(bitmapBytes);
    if (anyNull(buf, bitmap)) {
      for (int i = 0; i < ops.length; i++) {
        int op = ops[i];
        if ((buf[bitmap + (i >>> 3)] & (1 << (i & 7))) == 0) {
          field(i, op, in, sink);
        } else if (op < SKIP) {
          sink.nullField(i);
        }
      }
    } else {
      for (int i = 0; i < ops.length; i++) {
        field(i, ops[i], in, sink);
      }
    }
    if (in.remaining() != 0) {
      throw new MalformedDataException(in.remaining() + " bytes left over after a row of " + ops.length + " fields");
    }
    return kind;
  }

  private boolean anyNull(byte[] buf, int bitmap) {
    for (int b = 0; b < bitmapBytes; b++) {
      if (buf[bitmap + b] != 0) {
        return true;
      }
    }
    return false;
  }

  /** Delivers or skips the non-NULL column {@code i}, as {@code op} says. */
  private static void field(int i, int op, ByteSource in, FieldSink sink) {
    switch (op) {
      case LONG -> sink.longField(i, in.readZigZagLong());
      case VARCHAR -> {
        int n = in.readVarint();
        sink.objectField(i, new String(in.array(), in.skip(n), n, StandardCharsets.UTF_8));
      }
      case LONG + SKIP -> in.readVarlong();
      case VARCHAR + SKIP -> in.skip(in.readVarint());
      case INT -> sink.intField(i, in.readZigZagInt());
      case INT + SKIP -> in.readVarint();
      case BOOLEAN -> sink.booleanField(i, in.readByte() != 0);
      case BOOLEAN + SKIP -> in.readByte();
      case DOUBLE -> sink.doubleField(i, in.readDouble());
      case DOUBLE + SKIP -> in.skip(Double.BYTES);
      case DECIMAL -> {
        int scale = in.readZigZagInt();
        int n = unscaledLength(i, in);
        sink.objectField(i, new BigDecimal(new BigInteger(in.array(), in.skip(n), n), scale));
      }
      case DECIMAL + SKIP -> {
        in.readVarint();
        in.skip(unscaledLength(i, in));
      }
      default -> throw new IllegalStateException("no decoding step " + op);
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
}
