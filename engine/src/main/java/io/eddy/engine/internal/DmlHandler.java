package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.Result;
import io.eddy.log.format.RowCodec;
import io.eddy.planner.PlannedQuery;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.catalog.TableDef;
import io.eddy.planner.catalog.ViewDef;
import io.eddy.sql.ast.Delete;
import io.eddy.sql.ast.Identifier;
import io.eddy.sql.ast.Insert;
import io.eddy.sql.ast.Statement;
import java.util.List;

/**
 * INSERT and DELETE: the rows to write are computed by running a snapshot query, then appended
 * to the target's log. When the call returns, every later read sees the change.
 */
final class DmlHandler {
  private final EngineRuntime rt;

  DmlHandler(EngineRuntime rt) {
    this.rt = rt;
  }

  PlannedQuery planInsert(Insert i) {
    target(i.target(), i);
    return rt.planner().planInsert(i.target(), i.columns(), i.source(), i.script());
  }

  Result insert(Insert i, PlannedQuery plan, List<Object> params) {
    CatalogObject target = target(i.target(), i);
    List<Object[]> rows = Snapshots.run(rt, plan, params);
    long n = Writer.append(rt, target, rows, RowCodec.INSERT);
    return new Result.Status("INSERT " + n, n);
  }

  PlannedQuery planDelete(Delete d) {
    CatalogObject target = target(d.target(), d);
    if (!(target instanceof TableDef)) {
      throw DdlHandler.error(ErrorCode.VALIDATION, "cannot DELETE from stream " + target.name()
          + ": streams are append-only", d.target(), d)
          .withHint("declare a TABLE with a PRIMARY KEY to delete rows");
    }
    return rt.planner().planFiltered(d.target(), d.condition(), d.script());
  }

  Result delete(Delete d, PlannedQuery plan, List<Object> params) {
    CatalogObject target = target(d.target(), d);
    List<Object[]> rows = Snapshots.run(rt, plan, params);
    long n = Writer.append(rt, target, rows, RowCodec.DELETE);
    return new Result.Status("DELETE " + n, n);
  }

  private CatalogObject target(Identifier name, Statement s) {
    CatalogObject o = rt.catalog().lookup(name.name()).orElseThrow(() -> DdlHandler.error(
        ErrorCode.NOT_FOUND, "stream or table '" + name.name() + "' not found", name, s));
    if (o instanceof ViewDef || o instanceof StreamDef d && d.derived() != null) {
      throw DdlHandler.error(ErrorCode.VALIDATION, "cannot write to " + o.kind().toLowerCase()
          + " " + o.name() + ": it is computed from its query", name, s);
    }
    return o;
  }
}
