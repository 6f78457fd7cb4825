package io.eddy.planner.codegen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.ConstantExpression;
import org.apache.calcite.linq4j.tree.DeclarationStatement;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.NewExpression;
import org.apache.calcite.linq4j.tree.Statement;

/**
 * Moves the literal values a row's code declares out of the per-row loop: Calcite's translator
 * declares a DECIMAL literal as {@code final BigDecimal literal_value = new BigDecimal("0.908")}
 * in the row's block, so every row parsed the literal again. Only declarations that cannot fail or
 * differ between rows are moved (a {@code BigDecimal} made from constants); they become final
 * fields of the generated class, under the same names. Stateless.
 */
final class ConstantHoisting {
  private ConstantHoisting() {}

  /** The row's block without the moved declarations, and the field declarations (Java source) that replace them. */
  record Split(BlockStatement row, String fields) {}

  static Split split(BlockStatement block) {
    List<Statement> kept = new ArrayList<>();
    StringBuilder fields = new StringBuilder();
    for (Statement s : block.statements) {
      if (s instanceof DeclarationStatement d && d.initializer != null && isConstantDecimal(d.initializer)) {
        fields.append("  private final java.math.BigDecimal ").append(d.parameter.name).append(" = ")
            .append(Expressions.toString(d.initializer).trim()).append(";\n");
      } else {
        kept.add(s);
      }
    }
    return new Split(Expressions.block(kept), fields.toString());
  }

  /** {@code new BigDecimal("...")} of a constant string that is a number: always the same value, never a failure. */
  private static boolean isConstantDecimal(Expression e) {
    if (!(e instanceof NewExpression n) || n.type != BigDecimal.class || n.memberDeclarations != null
        || n.arguments.size() != 1 || !(n.arguments.get(0) instanceof ConstantExpression c)
        || !(c.value instanceof String text)) {
      return false;
    }
    try {
      new BigDecimal(text);
      return true;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }
}
