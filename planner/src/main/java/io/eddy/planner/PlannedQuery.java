package io.eddy.planner;

import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.planner.translate.CircuitPlan;
import java.util.List;
import java.util.Set;

/**
 * A validated, optimized query ready to run: its circuit recipe, output type, the ordering and
 * limit a snapshot applies at the end, the types of its {@code ?} parameters, and the objects it
 * reads. Immutable.
 */
public record PlannedQuery(CircuitPlan circuit, RowType outputType, SnapshotOrder order,
    List<SqlType> parameterTypes, Set<String> dependencies, String logicalPlan) {
  public PlannedQuery {
    parameterTypes = List.copyOf(parameterTypes);
    dependencies = Set.copyOf(dependencies);
  }
}
