package io.eddy.planner.schema;

import io.eddy.planner.TypeMapping;
import io.eddy.planner.catalog.CatalogObject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/** A catalog object as Calcite's validator sees it: a named row type, nothing more. */
public final class EddyTable extends AbstractTable {
  private final CatalogObject object;

  public EddyTable(CatalogObject object) {
    this.object = object;
  }

  public CatalogObject object() {
    return object;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.toRel(typeFactory, object.rowType());
  }
}
