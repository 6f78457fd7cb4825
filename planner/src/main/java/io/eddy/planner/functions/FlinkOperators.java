package io.eddy.planner.functions;

import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Flink SQL functions that Calcite lacks (or has with other semantics), as Calcite operators:
 * {@code DATE_FORMAT(timestamp, format)}, {@code REGEXP_EXTRACT(s, regex[, group])} and
 * {@code SPLIT_INDEX(s, separator, index)}, all strict (NULL in, NULL out) and returning a
 * nullable VARCHAR. Generated code calls the static methods of {@link FlinkFunctions}. Immutable.
 */
public final class FlinkOperators {
  private FlinkOperators() {}

  /** The operator table of these functions. */
  public static SqlOperatorTable table() {
    return SqlOperatorTables.of(
        function("DATE_FORMAT", "dateFormat", List.of(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER),
            t -> List.of(t.createSqlType(SqlTypeName.TIMESTAMP, 3), varchar(t))),
        function("REGEXP_EXTRACT", "regexpExtract", List.of(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
            t -> List.of(varchar(t), varchar(t))),
        function("REGEXP_EXTRACT", "regexpExtract",
            List.of(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
            t -> List.of(varchar(t), varchar(t), t.createSqlType(SqlTypeName.BIGINT))),
        function("SPLIT_INDEX", "splitIndex",
            List.of(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
            t -> List.of(varchar(t), varchar(t), t.createSqlType(SqlTypeName.BIGINT))));
  }

  private static RelDataType varchar(RelDataTypeFactory t) {
    return t.createSqlType(SqlTypeName.VARCHAR);
  }

  /**
   * A strict VARCHAR function named {@code name} with the given operand families (an overload of
   * the name per arity), implemented by the {@code FlinkFunctions.method} of that arity (integer
   * operands arrive as {@code long}).
   */
  private static SqlUserDefinedFunction function(String name, String method, List<SqlTypeFamily> families,
      java.util.function.Function<RelDataTypeFactory, List<RelDataType>> types) {
    CallImplementor implementor = RexImpTable.createImplementor(
        (translator, call, operands) -> call(method, operands), NullPolicy.STRICT, false);
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
        OperandTypes.operandMetadata(families, types, i -> "arg" + i, i -> false), new ImplementedFunction(implementor));
  }

  private static Expression call(String method, List<Expression> operands) {
    Method m = overload(method, operands.size());
    Class<?>[] params = m.getParameterTypes();
    Expression[] args = new Expression[operands.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = EnumUtils.convert(operands.get(i), params[i]);
    }
    return Expressions.call(m, args);
  }

  private static Method overload(String name, int arity) {
    for (Method m : FlinkFunctions.class.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == arity) {
        return m;
      }
    }
    throw new IllegalStateException("FlinkFunctions has no " + name + " of " + arity + " arguments");
  }
}
