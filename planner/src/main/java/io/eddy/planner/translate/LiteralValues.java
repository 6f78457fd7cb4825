package io.eddy.planner.translate;

import io.eddy.common.type.TypeKind;
import java.math.BigDecimal;
import org.apache.calcite.rex.RexLiteral;

/** The Java value of a literal in the representation of a {@link TypeKind}. */
final class LiteralValues {
  private LiteralValues() {}

  static Object of(RexLiteral lit, TypeKind kind) {
    if (lit.isNull()) {
      return null;
    }
    return switch (kind) {
      case BOOLEAN -> lit.getValueAs(Boolean.class);
      case INT -> lit.getValueAs(BigDecimal.class) != null && isNumeric(lit)
          ? lit.getValueAs(BigDecimal.class).intValue() : lit.getValueAs(Integer.class);
      case DATE -> lit.getValueAs(Integer.class);
      case BIGINT -> isNumeric(lit) ? lit.getValueAs(BigDecimal.class).longValue() : lit.getValueAs(Long.class);
      case TIMESTAMP -> lit.getValueAs(Long.class);
      case DOUBLE -> lit.getValueAs(BigDecimal.class) != null && isNumeric(lit)
          ? lit.getValueAs(BigDecimal.class).doubleValue() : lit.getValueAs(Double.class);
      case DECIMAL -> lit.getValueAs(BigDecimal.class);
      case VARCHAR -> lit.getValueAs(String.class);
    };
  }

  private static boolean isNumeric(RexLiteral lit) {
    return lit.getType().getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC;
  }
}
