package io.eddy.planner;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's lenient conformance (so Flink-style text validates), except where leniency would
 * hide a user's mistake: an INSERT must supply a value for every target column.
 */
final class EddyConformance extends SqlDelegatingConformance {
  static final EddyConformance INSTANCE = new EddyConformance();

  private EddyConformance() {
    super(SqlConformanceEnum.LENIENT);
  }

  @Override
  public boolean isInsertSubsetColumnsAllowed() {
    return false;
  }
}
