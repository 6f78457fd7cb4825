package io.eddy.planner.codegen;

import java.util.List;
import java.util.TimeZone;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The {@link DataContext} generated code reads: bound {@code ?} parameters ({@code "?0"}, ...) and
 * the statement's time. Immutable.
 */
public final class ParamContext implements DataContext {
  private final JavaTypeFactory typeFactory;
  private final List<Object> params;
  private final long nowMillis;

  public ParamContext(JavaTypeFactory typeFactory, List<Object> params, long nowMillis) {
    this.typeFactory = typeFactory;
    this.params = params;
    this.nowMillis = nowMillis;
  }

  @Override
  public SchemaPlus getRootSchema() {
    return null;
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return typeFactory;
  }

  @Override
  public QueryProvider getQueryProvider() {
    return null;
  }

  @Override
  public Object get(String name) {
    if (name.startsWith("?")) {
      int i = Integer.parseInt(name.substring(1));
      return i < params.size() ? params.get(i) : null;
    }
    if (Variable.TIME_ZONE.camelName.equals(name)) {
      return TimeZone.getTimeZone("UTC");
    }
    if (Variable.CURRENT_TIMESTAMP.camelName.equals(name) || Variable.LOCAL_TIMESTAMP.camelName.equals(name)
        || Variable.UTC_TIMESTAMP.camelName.equals(name)) {
      return nowMillis;
    }
    return null;
  }
}
