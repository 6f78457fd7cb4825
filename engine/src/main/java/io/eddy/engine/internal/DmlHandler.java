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
import io.eddy.sql.ast.Update;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * INSERT, DELETE and UPDATE: the rows to write are computed by running a snapshot query, then
 * appended to the target's log. When the call returns, every later read sees the change.
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
    tableTarget(d.target(), d, "DELETE from", "delete");
    return rt.planner().planFiltered(d.target(), d.condition(), d.script());
  }

  Result delete(Delete d, PlannedQuery plan, List<Object> params) {
    CatalogObject target = target(d.target(), d);
    List<Object[]> rows = Snapshots.run(rt, plan, params);
    long n = Writer.append(rt, target, rows, RowCodec.DELETE);
    return new Result.Status("DELETE " + n, n);
  }

  PlannedQuery planUpdate(Update u) {
    tableTarget(u.target(), u, "UPDATE", "update");
    return rt.planner().planUpdate(u.statement(), u.script());
  }

  /**
   * Reads the current rows the UPDATE matches (after read-your-writes) and writes, in one log batch
   * per partition, first a delete of every row whose primary key changes, then the updated rows
   * (upserts). Two updated rows that end with the same key are refused before anything is written.
   */
  Result update(Update u, PlannedQuery plan, List<Object> params) {
    TableDef table = tableTarget(u.target(), u, "UPDATE", "update");
    List<Object[]> rows = Snapshots.run(rt, plan, params);
    int n = table.rowType().size();
    int[] key = table.primaryKey();
    List<Object[]> deletes = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    Set<List<Object>> newKeys = new HashSet<>();
    for (Object[] row : rows) {
      Object[] updated = Arrays.copyOfRange(row, 0, n);
      Object[] old = Arrays.copyOfRange(row, n, 2 * n);
      List<Object> k = keyOf(updated, key);
      if (!newKeys.add(k)) {
        throw new EddyException(ErrorCode.DATA, "UPDATE would give two rows of " + table.name()
            + " the same primary key " + k, u.span(), u.script(), null, null);
      }
      if (!k.equals(keyOf(old, key))) {
        deletes.add(old);
      }
      inserts.add(updated);
    }
    List<Object[]> all = new ArrayList<>(deletes);
    all.addAll(inserts);
    byte[] kinds = new byte[all.size()];
    Arrays.fill(kinds, deletes.size(), kinds.length, RowCodec.INSERT);
    Arrays.fill(kinds, 0, deletes.size(), RowCodec.DELETE);
    Writer.append(rt, table, all, kinds);
    return new Result.Status("UPDATE " + rows.size(), rows.size());
  }

  private static List<Object> keyOf(Object[] row, int[] key) {
    List<Object> k = new ArrayList<>(key.length);
    for (int c : key) {
      k.add(row[c]);
    }
    return k;
  }

  private TableDef tableTarget(Identifier name, Statement s, String statement, String verb) {
    CatalogObject target = target(name, s);
    if (!(target instanceof TableDef t)) {
      throw DdlHandler.error(ErrorCode.VALIDATION, "cannot " + statement + " stream " + target.name()
          + ": streams are append-only", name, s)
          .withHint("declare a TABLE with a PRIMARY KEY to " + verb + " rows");
    }
    return t;
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
