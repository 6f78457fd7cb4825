package io.eddy.planner.functions;

import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;

/**
 * The function behind an operator whose calls generated code implements with {@code implementor}
 * (its operands are described by the operator's own type checker, so it declares no parameters).
 * Immutable.
 */
public record ImplementedFunction(CallImplementor implementor) implements ImplementableFunction {
  @Override
  public List<FunctionParameter> getParameters() {
    return List.of();
  }

  @Override
  public CallImplementor getImplementor() {
    return implementor;
  }
}
