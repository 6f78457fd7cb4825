package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.log.format.RowEncoder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The values of one row being appended, held unboxed per column (a {@code long}, a
 * {@code double}, an object, or a slice of UTF-8 bytes) so that rows can be written without
 * allocating. A column never set is NULL. Setters check the value against the column's type and
 * throw a {@code DATA} {@link EddyException} naming the column. Not thread-safe; reusable after
 * {@link #clear()}.
 */
final class RowValues {
  private static final byte NULL = 0;
  private static final byte LONG = 1;
  private static final byte DOUBLE = 2;
  private static final byte OBJECT = 3;
  private static final byte UTF8 = 4;

  private final String target;
  private final RowType type;
  private final TypeKind[] kinds;
  private final byte[] state;
  private final long[] longs;
  private final double[] doubles;
  private final Object[] objects;
  private final int[] offsets;
  private final int[] lengths;

  RowValues(String target, RowType type) {
    this.target = target;
    this.type = type;
    int n = type.size();
    this.kinds = new TypeKind[n];
    for (int i = 0; i < n; i++) {
      kinds[i] = type.type(i).kind();
    }
    this.state = new byte[n];
    this.longs = new long[n];
    this.doubles = new double[n];
    this.objects = new Object[n];
    this.offsets = new int[n];
    this.lengths = new int[n];
  }

  int size() {
    return kinds.length;
  }

  void clear() {
    Arrays.fill(state, NULL);
    Arrays.fill(objects, null);
  }

  void setNull(int c) {
    check(c);
    state[c] = NULL;
    objects[c] = null;
  }

  /** BIGINT, TIMESTAMP (millis), INT and DATE (days) when the value fits, DOUBLE, DECIMAL. */
  void setLong(int c, long v) {
    switch (kind(c)) {
      case BIGINT, TIMESTAMP -> put(c, v);
      case INT, DATE -> {
        if (v != (int) v) {
          throw data(c, "cannot hold " + v + ": out of range");
        }
        put(c, v);
      }
      case DOUBLE -> setDouble(c, v);
      case DECIMAL -> setDecimal(c, BigDecimal.valueOf(v));
      default -> throw data(c, "cannot hold an integer");
    }
  }

  void setDouble(int c, double v) {
    if (kind(c) != TypeKind.DOUBLE) {
      throw data(c, "cannot hold a DOUBLE");
    }
    state[c] = DOUBLE;
    doubles[c] = v;
  }

  void setBoolean(int c, boolean v) {
    if (kind(c) != TypeKind.BOOLEAN) {
      throw data(c, "cannot hold a BOOLEAN");
    }
    put(c, v ? 1 : 0);
  }

  void setString(int c, String v) {
    if (v == null) {
      setNull(c);
      return;
    }
    if (kind(c) != TypeKind.VARCHAR) {
      throw data(c, "cannot hold text");
    }
    setObject(c, v);
  }

  /** A VARCHAR as UTF-8 bytes; the slice is read when the row ends, so it must stay unchanged until then. */
  void setUtf8(int c, byte[] utf8, int off, int len) {
    if (kind(c) != TypeKind.VARCHAR) {
      throw data(c, "cannot hold text");
    }
    if (off < 0 || len < 0 || off + len > utf8.length) {
      throw new IndexOutOfBoundsException("[" + off + ", " + (off + len) + ") of " + utf8.length);
    }
    state[c] = UTF8;
    objects[c] = utf8;
    offsets[c] = off;
    lengths[c] = len;
  }

  /** A value in the {@link TypeKind} representation of the column (null = NULL). */
  void setValue(int c, Object v) {
    if (v == null) {
      setNull(c);
      return;
    }
    TypeKind k = kind(c);
    boolean ok = switch (k) {
      case BOOLEAN -> v instanceof Boolean;
      case INT, DATE -> v instanceof Integer;
      case BIGINT, TIMESTAMP -> v instanceof Long;
      case DOUBLE -> v instanceof Double;
      case DECIMAL -> v instanceof BigDecimal;
      case VARCHAR -> v instanceof String;
    };
    if (!ok) {
      throw data(c, "cannot hold a " + v.getClass().getSimpleName());
    }
    switch (k) {
      case BOOLEAN -> put(c, (Boolean) v ? 1 : 0);
      case INT, DATE -> put(c, (Integer) v);
      case BIGINT, TIMESTAMP -> put(c, (Long) v);
      case DOUBLE -> setDouble(c, (Double) v);
      case DECIMAL -> setDecimal(c, (BigDecimal) v);
      default -> setObject(c, v);
    }
  }

  boolean isNull(int c) {
    return state[c] == NULL;
  }

  /** The value of a BIGINT or TIMESTAMP column that is not NULL. */
  long longValue(int c) {
    return longs[c];
  }

  /**
   * {@code Arrays.hashCode} of the boxed values of {@code columns}: the hash the writer has
   * always partitioned keyed rows by (a key must keep mapping to the partition it was written to).
   */
  int hash(int[] columns) {
    int h = 1;
    for (int c : columns) {
      h = 31 * h + (state[c] == NULL ? 0 : boxed(c).hashCode());
    }
    return h;
  }

  /** Writes the row with {@code enc} (after {@code enc.begin}). */
  void encode(RowEncoder enc) {
    for (int c = 0; c < kinds.length; c++) {
      switch (state[c]) {
        case NULL -> enc.putNull();
        case LONG -> {
          switch (kinds[c]) {
            case BOOLEAN -> enc.putBoolean(longs[c] != 0);
            case INT, DATE -> enc.putInt((int) longs[c]);
            default -> enc.putLong(longs[c]);
          }
        }
        case DOUBLE -> enc.putDouble(doubles[c]);
        case UTF8 -> enc.putUtf8((byte[]) objects[c], offsets[c], lengths[c]);
        default -> {
          if (kinds[c] == TypeKind.VARCHAR) {
            enc.putString((String) objects[c]);
          } else {
            enc.putDecimal((BigDecimal) objects[c]);
          }
        }
      }
    }
  }

  /** The column's value boxed as {@link TypeKind} says (for hashing keys; not on the hot path of unkeyed streams). */
  private Object boxed(int c) {
    return switch (state[c]) {
      case NULL -> null;
      case LONG -> switch (kinds[c]) {
        case BOOLEAN -> longs[c] != 0;
        case INT, DATE -> (int) longs[c];
        default -> longs[c];
      };
      case DOUBLE -> doubles[c];
      case UTF8 -> new String((byte[]) objects[c], offsets[c], lengths[c], StandardCharsets.UTF_8);
      default -> objects[c];
    };
  }

  String columnName(int c) {
    return type.get(c).name();
  }

  private void put(int c, long v) {
    state[c] = LONG;
    longs[c] = v;
  }

  /** A DECIMAL at the column's scale (the representation every reader expects); refuses to round. */
  private void setDecimal(int c, BigDecimal v) {
    int scale = type.type(c).scale();
    try {
      setObject(c, v.scale() == scale ? v : v.setScale(scale, java.math.RoundingMode.UNNECESSARY));
    } catch (ArithmeticException e) {
      throw data(c, "cannot hold " + v.toPlainString() + " without rounding");
    }
  }

  private void setObject(int c, Object v) {
    state[c] = OBJECT;
    objects[c] = v;
  }

  private TypeKind kind(int c) {
    check(c);
    return kinds[c];
  }

  private void check(int c) {
    if (c < 0 || c >= kinds.length) {
      throw new EddyException(ErrorCode.DATA, target + " has " + kinds.length + " columns; there is no column " + c);
    }
  }

  private EddyException data(int c, String what) {
    return new EddyException(ErrorCode.DATA, "column '" + columnName(c) + "' of " + target + " ("
        + type.type(c) + ") " + what);
  }
}
