package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Circuit;
import io.eddy.exec.circuit.RowErrors;
import io.eddy.planner.PlannedQuery;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a query planned in snapshot mode once: each source receives the current contents of what
 * it reads (a view's or table's store, after waiting for the caller's writes; a stream's retained
 * log), then every source's watermark is advanced to the end of time, and the output deltas are
 * summed into the result multiset.
 */
final class Snapshots {
  private Snapshots() {}

  static List<Object[]> run(EngineRuntime rt, PlannedQuery plan, List<Object> params) {
    Circuit circuit = plan.circuit().instantiate(rt.paramContext(params));
    // Insertion order: an INSERT writes its rows in the order the query produced them (VALUES
    // order), which is their arrival order for event time.
    Map<Row, Long> result = new LinkedHashMap<>();
    circuit.open(batch -> {
      for (int r = 0; r < batch.size(); r++) {
        result.merge(Row.from(batch, r), batch.weight(r), (a, b) -> a + b == 0 ? null : a + b);
      }
    });
    for (Circuit.Source s : circuit.sources()) {
      circuit.push(s.index(), contents(rt, s.name(), s.type()));
    }
    // The input is complete: event time passes every row, so operators that emit a row once the
    // watermark passes it (temporal joins, event-time OVER) give the batch answer.
    for (Circuit.Source s : circuit.sources()) {
      circuit.advanceWatermark(s.index(), Long.MAX_VALUE);
    }
    failOnRowErrors(circuit);
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<Row, Long> e : result.entrySet()) {
      for (long i = 0; i < e.getValue(); i++) {
        rows.add(e.getKey().values());
      }
    }
    return plan.order().apply(rows);
  }

  /**
   * A one-shot statement fails as a batch database would when an expression raised a runtime
   * error on any row (standing queries count and skip such rows instead).
   */
  private static void failOnRowErrors(Circuit circuit) {
    long n = circuit.errors();
    if (n > 0) {
      RowErrors.Last last = circuit.lastError();
      throw new EddyException(ErrorCode.DATA, (last == null ? "runtime error" : last.message())
          + (n > 1 ? " (" + n + " rows failed)" : ""));
    }
  }

  /** The current contents of a catalog object as one batch. */
  static ZBatch contents(EngineRuntime rt, String name, RowType type) {
    CatalogObject o = rt.catalog().lookup(name).orElseThrow();
    rt.awaitCaughtUp(o);
    if (o instanceof StreamDef) {
      return new SourceReader(rt.topic(o), type).readAll();
    }
    Map<Row, Long> rows = rt.materialized.get(o.key()).store().contents();
    BatchBuilder b = new BatchBuilder(type, rows.size());
    for (Map.Entry<Row, Long> e : rows.entrySet()) {
      b.addRow(e.getKey().values(), e.getValue());
    }
    return b.build();
  }
}
