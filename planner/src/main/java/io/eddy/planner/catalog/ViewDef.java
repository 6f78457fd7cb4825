package io.eddy.planner.catalog;

import io.eddy.common.type.RowType;
import io.eddy.sql.ast.EmitPolicy;
import io.eddy.sql.ast.QueryText;
import java.util.Set;

/**
 * A materialized standing query. {@code dependencies} are the keys of the objects its query
 * reads directly.
 */
public record ViewDef(String name, RowType rowType, QueryText query, EmitPolicy emit,
    Set<String> dependencies, String ddl) implements CatalogObject {
  public ViewDef {
    dependencies = Set.copyOf(dependencies);
  }

  @Override
  public String kind() {
    return "VIEW";
  }
}
