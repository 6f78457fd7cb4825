package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.SqlType;
import io.eddy.engine.PreparedQuery;
import io.eddy.engine.Progress;
import io.eddy.engine.Result;
import io.eddy.planner.PlanMode;
import io.eddy.planner.PlannedQuery;
import io.eddy.sql.ast.Copy;
import io.eddy.sql.ast.CreateStream;
import io.eddy.sql.ast.CreateStreamAs;
import io.eddy.sql.ast.CreateTable;
import io.eddy.sql.ast.CreateView;
import io.eddy.sql.ast.Delete;
import io.eddy.sql.ast.Update;
import io.eddy.sql.ast.Describe;
import io.eddy.sql.ast.Drop;
import io.eddy.sql.ast.Explain;
import io.eddy.sql.ast.Insert;
import io.eddy.sql.ast.Select;
import io.eddy.sql.ast.SetOption;
import io.eddy.sql.ast.Show;
import io.eddy.sql.ast.Statement;
import io.eddy.sql.ast.Subscribe;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Routes each parsed statement to its handler. Statements that read or write rows are planned
 * once by {@link #prepare} and may then run many times with different parameters.
 */
public final class StatementExecutor {
  private final EngineRuntime rt;
  private final DdlHandler ddl;
  private final DmlHandler dml;
  private final ReadHandler reads;
  private final MetaHandler meta;
  private final CopyHandler copy;
  private final Map<String, String> settings;

  public StatementExecutor(EngineRuntime rt, Map<String, String> sessionSettings) {
    this(rt, sessionSettings, p -> { });
  }

  /**
   * @param progress receives the progress of long statements (COPY) while they run, then null
   */
  public StatementExecutor(EngineRuntime rt, Map<String, String> sessionSettings,
      Consumer<Progress> progress) {
    this.rt = rt;
    this.ddl = new DdlHandler(rt);
    this.dml = new DmlHandler(rt);
    this.reads = new ReadHandler(rt);
    this.meta = new MetaHandler(rt);
    this.copy = new CopyHandler(rt, progress);
    this.settings = sessionSettings;
  }

  /** Re-applies a saved DDL statement at start-up. */
  public void replay(Statement s) {
    if (s instanceof CreateStream cs) {
      ddl.createStream(cs, true);
    } else if (s instanceof CreateTable ct) {
      ddl.createTable(ct, true);
    } else if (s instanceof CreateView cv) {
      ddl.createView(cv, true, Map.of());
    } else if (s instanceof CreateStreamAs csa) {
      ddl.createStreamAs(csa, true);
    } else {
      throw EddyException.internal("catalog holds a statement that is not DDL: " + s.text(), null);
    }
  }

  public Result execute(Statement s) {
    return prepare(s).execute(List.of());
  }

  public PreparedQuery prepare(Statement s) {
    if (s instanceof Select sel) {
      PlannedQuery plan = rt.planner().plan(sel.query(), sel.script(), PlanMode.SNAPSHOT);
      return prepared(plan.parameterTypes(), params -> reads.select(plan, params));
    } else if (s instanceof Insert i) {
      PlannedQuery plan = dml.planInsert(i);
      return prepared(plan.parameterTypes(), params -> dml.insert(i, plan, params));
    } else if (s instanceof Delete d) {
      PlannedQuery plan = dml.planDelete(d);
      return prepared(plan.parameterTypes(), params -> dml.delete(d, plan, params));
    } else if (s instanceof Update u) {
      PlannedQuery plan = dml.planUpdate(u);
      return prepared(plan.parameterTypes(), params -> dml.update(u, plan, params));
    }
    return prepared(List.of(), params -> run(s));
  }

  private Result run(Statement s) {
    if (s instanceof CreateStream cs) {
      return ddl.createStream(cs, false);
    } else if (s instanceof CreateTable ct) {
      return ddl.createTable(ct, false);
    } else if (s instanceof CreateView cv) {
      return ddl.createView(cv, false, settings);
    } else if (s instanceof Drop d) {
      return ddl.drop(d);
    } else if (s instanceof Show sh) {
      return meta.show(sh);
    } else if (s instanceof Describe d) {
      return meta.describe(d);
    } else if (s instanceof Explain e) {
      return reads.explain(e);
    } else if (s instanceof Subscribe sub) {
      return reads.subscribe(sub);
    } else if (s instanceof SetOption set) {
      return SessionSettings.set(settings, set);
    } else if (s instanceof CreateStreamAs csa) {
      return ddl.createStreamAs(csa, false);
    } else if (s instanceof Copy c) {
      return copy.copy(c);
    }
    throw EddyException.internal("no handler for " + s.getClass().getSimpleName(), null);
  }

  private interface Body {
    Result run(List<Object> params);
  }

  private static PreparedQuery prepared(List<SqlType> types, Body body) {
    return new PreparedQuery() {
      @Override
      public List<SqlType> parameterTypes() {
        return types;
      }

      @Override
      public Result execute(List<Object> parameters) {
        return body.run(Values.coerce(types, parameters));
      }
    };
  }
}
