package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.engine.CatalogEntry;
import io.eddy.engine.PreparedQuery;
import io.eddy.engine.Progress;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import io.eddy.engine.Subscription;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.sql.StatementParser;
import io.eddy.sql.ast.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A session: parses statements and runs them; tracks its subscriptions so cancel/close end them. */
public final class SessionImpl implements Session {
  private final EngineRuntime rt;
  private final StatementExecutor executor;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final AtomicReference<Progress> progress = new AtomicReference<>();

  public SessionImpl(EngineRuntime rt) {
    this.rt = rt;
    this.executor = new StatementExecutor(rt, new HashMap<>(), progress::set);
  }

  @Override
  public Progress progress() {
    return progress.get();
  }

  @Override
  public Result execute(String statement) {
    return guarded(() -> track(executor.execute(StatementParser.parseOne(statement))));
  }

  @Override
  public List<Result> executeScript(String script) {
    return guarded(() -> {
      List<Result> results = new ArrayList<>();
      for (Statement s : StatementParser.parseScript(script)) {
        results.add(track(executor.execute(s)));
      }
      return results;
    });
  }

  @Override
  public PreparedQuery prepare(String statement) {
    PreparedQuery q = guarded(() -> executor.prepare(StatementParser.parseOne(statement)));
    return new PreparedQuery() {
      @Override
      public List<io.eddy.common.type.SqlType> parameterTypes() {
        return q.parameterTypes();
      }

      @Override
      public Result execute(List<Object> parameters) {
        return guarded(() -> track(q.execute(parameters)));
      }
    };
  }

  private Result track(Result r) {
    if (r instanceof Subscription s) {
      subscriptions.add(s);
    }
    return r;
  }

  /** Lets user errors through and turns anything else into an internal error that says it is a bug. */
  private static <T> T guarded(Supplier<T> body) {
    try {
      return body.get();
    } catch (EddyException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw EddyException.internal(e.toString(), e);
    }
  }

  @Override
  public List<CatalogEntry> catalog() {
    List<CatalogEntry> out = new ArrayList<>();
    for (CatalogObject o : rt.catalog().objects()) {
      out.add(new CatalogEntry(o.name(), o.kind(), o.rowType(), o.ddl()));
    }
    return out;
  }

  @Override
  public void cancel() {
    for (Subscription s : subscriptions) {
      s.close();
    }
    subscriptions.clear();
  }

  @Override
  public void close() {
    cancel();
  }
}
