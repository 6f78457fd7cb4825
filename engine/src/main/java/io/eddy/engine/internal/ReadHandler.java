package io.eddy.engine.internal;

import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.engine.Result;
import io.eddy.engine.Subscription;
import io.eddy.exec.circuit.Circuit;
import io.eddy.exec.sink.ViewStore;
import io.eddy.planner.PlanMode;
import io.eddy.planner.PlannedQuery;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.catalog.ViewDef;
import io.eddy.sql.ast.Explain;
import io.eddy.sql.ast.Identifier;
import io.eddy.sql.ast.Statement;
import io.eddy.sql.ast.Subscribe;
import java.util.ArrayList;
import java.util.List;

/** SELECT (snapshot), SUBSCRIBE (push) and EXPLAIN. */
final class ReadHandler {
  private final EngineRuntime rt;

  ReadHandler(EngineRuntime rt) {
    this.rt = rt;
  }

  Result select(PlannedQuery plan, List<Object> params) {
    return new Result.Rows(plan.outputType(), Snapshots.run(rt, plan, params));
  }

  Subscription subscribe(Subscribe s) {
    if (s.view().isPresent()) {
      Identifier name = s.view().get();
      CatalogObject o = lookup(name, s);
      if (o instanceof StreamDef) {
        throw DdlHandler.error(ErrorCode.UNSUPPORTED, "SUBSCRIBE to a stream is not supported yet", name, s)
            .withHint("subscribe to a query over it: SUBSCRIBE (SELECT * FROM " + o.name() + ")");
      }
      Materialized m = rt.materialized.get(o.key());
      rt.awaitCaughtUp(o);
      return new SubscriptionImpl(m.store(), m.query(), () -> { });
    }
    PlannedQuery plan = rt.planner().plan(s.query().get(), s.script(), PlanMode.STANDING);
    ViewStore store = new ViewStore(plan.outputType());
    StandingQuery q = rt.start("subscription", plan, store, List.of());
    rt.awaitCaughtUp(q);
    return new SubscriptionImpl(store, q, q::close);
  }

  Result explain(Explain e) {
    List<String> lines = new ArrayList<>();
    if (e.view().isPresent()) {
      CatalogObject o = lookup(e.view().get(), e);
      Materialized m = rt.materialized.get(o.key());
      if (!(o instanceof ViewDef) || m == null) {
        throw DdlHandler.error(ErrorCode.VALIDATION, "EXPLAIN takes a view or a query; " + o.name()
            + " is a " + o.kind().toLowerCase(), e.view().get(), e);
      }
      rt.awaitCaughtUp(o); // state as of everything written before, like a read
      m.query().awaitSettled(); // and with what the watermark released freed
      if (e.kind() == Explain.Kind.PLAN) {
        lines.add("Logical plan:");
        PlannedQuery plan = rt.planner().plan(((ViewDef) o).query(), o.ddl(), PlanMode.STANDING);
        plan.logicalPlan().lines().forEach(l -> lines.add("  " + l));
      }
      lines.add(e.kind() == Explain.Kind.PLAN ? "Circuit:" : "State of " + o.name() + ":");
      io.eddy.exec.circuit.Dataflow c = m.query().circuit();
      (e.kind() == Explain.Kind.PLAN ? c.explain() : c.explainState()).forEach(l -> lines.add("  " + l));
      lines.add("  total state: " + m.query().stateSize().rows() + " rows, " + m.query().stateSize().bytes()
          + " bytes");
      lines.add("  watermark: " + Watermarks.format(c.watermark()) + ", late rows: " + m.query().lateRows()
          + ", skewed rows: " + m.query().skewedRows());
      lines.add("  " + MetaHandler.errorSummary(m.query()));
      if (e.kind() == Explain.Kind.STATE) {
        lines.add("  checkpoint: " + m.query().checkpointStatus());
      }
    } else {
      PlannedQuery plan = rt.planner().plan(e.query().get(), e.script(), PlanMode.STANDING);
      lines.add("Logical plan:");
      plan.logicalPlan().lines().forEach(l -> lines.add("  " + l));
      lines.add("Circuit:");
      plan.circuit().instantiate(null).explain().forEach(l -> lines.add("  " + l));
    }
    List<Object[]> rows = new ArrayList<>();
    for (String l : lines) {
      rows.add(new Object[] {l});
    }
    return new Result.Rows(new RowType(List.of(new Column("plan", SqlType.of(TypeKind.VARCHAR)))), rows);
  }

  private CatalogObject lookup(Identifier name, Statement s) {
    return rt.catalog().lookup(name.name()).orElseThrow(() -> DdlHandler.error(ErrorCode.NOT_FOUND,
        "view '" + name.name() + "' not found", name, s));
  }
}
