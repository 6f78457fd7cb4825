package io.eddy.planner.catalog;

import io.eddy.sql.ast.QueryText;
import java.util.Set;

/**
 * The standing query that fills a derived stream ({@code CREATE STREAM s AS <query>}), and the
 * keys of the objects it reads directly.
 */
public record DerivedQuery(QueryText query, Set<String> dependencies) {
  public DerivedQuery {
    dependencies = Set.copyOf(dependencies);
  }
}
