package io.eddy.planner.schema;

import io.eddy.planner.TypeMapping;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.catalog.TableDef;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog object as Calcite's validator sees it: a named row type. It is a
 * {@link TemporalTable} (may be read {@code FOR SYSTEM_TIME AS OF}) when it is a stream with a
 * WATERMARK (its rows are versions, valid from their event time) or a table with a WATERMARK (a
 * versioned table: each upsert or delete takes effect at its row's time); see the temporal join.
 */
public final class EddyTable extends AbstractTable implements TemporalTable {
  private final CatalogObject object;

  public EddyTable(CatalogObject object) {
    this.object = object;
  }

  public CatalogObject object() {
    return object;
  }

  /** Whether the object has an event-time column whose rows can serve as versions. */
  public boolean versioned() {
    return timeColumn() >= 0;
  }

  private int timeColumn() {
    if (object instanceof StreamDef s) {
      return s.watermarkColumn();
    }
    return object instanceof TableDef t ? t.watermarkColumn() : -1;
  }

  @Override
  public String getSysStartFieldName() {
    return versioned() ? object.rowType().get(timeColumn()).name() : "";
  }

  @Override
  public String getSysEndFieldName() {
    return getSysStartFieldName();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.toRel(typeFactory, object.rowType());
  }
}
