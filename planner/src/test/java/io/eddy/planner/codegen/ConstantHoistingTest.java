package io.eddy.planner.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.junit.jupiter.api.Test;

class ConstantHoistingTest {
  @Test
  void aDecimalLiteralBecomesAFieldAndTheRowStillUsesItsName() {
    BlockBuilder body = new BlockBuilder();
    ParameterExpression price = Expressions.parameter(long.class, "price");
    Expression literal = body.append("literal_value", Expressions.new_(BigDecimal.class, Expressions.constant("0.908")));
    Expression perRow = body.append("input_value", Expressions.new_(BigDecimal.class, price));
    Expression bad = body.append("not_a_number", Expressions.new_(BigDecimal.class, Expressions.constant("x")));
    body.add(Expressions.return_(null, Expressions.call(literal, "multiply", perRow)));
    ConstantHoisting.Split split = ConstantHoisting.split(body.toBlock());

    assertEquals("  private final java.math.BigDecimal literal_value = new java.math.BigDecimal(\n  \"0.908\");\n",
        split.fields());
    String row = Expressions.toString(split.row());
    assertFalse(row.contains("\"0.908\""), row);
    assertTrue(row.contains("literal_value.multiply(input_value)"), row);
    assertTrue(row.contains("new java.math.BigDecimal(\n    price)"), "a value of the row stays in it: " + row);
    assertTrue(row.contains("\"x\""), "a literal that would fail stays in the row, to fail there: " + row);
  }
}
