package io.eddy.common.type;

import java.util.Objects;

/**
 * An immutable SQL column type: kind, precision/scale where they apply, and nullability.
 * {@code precision} is -1 where unspecified (VARCHAR without length, TIMESTAMP defaults to 3).
 */
public record SqlType(TypeKind kind, int precision, int scale, boolean nullable) {
  public SqlType {
    Objects.requireNonNull(kind, "kind");
    if (kind == TypeKind.DECIMAL) {
      if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
        throw new IllegalArgumentException("DECIMAL(" + precision + ", " + scale + ") is out of range");
      }
    } else if (kind == TypeKind.TIMESTAMP) {
      precision = precision < 0 ? 3 : precision;
      scale = 0;
    } else if (kind != TypeKind.VARCHAR) {
      precision = -1;
      scale = 0;
    }
  }

  public static SqlType of(TypeKind kind) {
    return new SqlType(kind, -1, 0, true);
  }

  public static SqlType decimal(int precision, int scale) {
    return new SqlType(TypeKind.DECIMAL, precision, scale, true);
  }

  public SqlType withNullable(boolean n) {
    return n == nullable ? this : new SqlType(kind, precision, scale, n);
  }

  /** SQL spelling, e.g. {@code DECIMAL(10, 2) NOT NULL}. */
  @Override
  public String toString() {
    String base = switch (kind) {
      case DECIMAL -> "DECIMAL(" + precision + ", " + scale + ")";
      case VARCHAR -> precision > 0 ? "VARCHAR(" + precision + ")" : "VARCHAR";
      case TIMESTAMP -> "TIMESTAMP(" + precision + ")";
      default -> kind.name();
    };
    return nullable ? base : base + " NOT NULL";
  }
}
