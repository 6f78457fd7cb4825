package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.CountingQuery;
import io.eddy.planner.PlanMode;
import io.eddy.planner.PlannedQuery;
import io.eddy.sql.StatementParser;
import io.eddy.sql.ast.Select;
import io.eddy.sql.ast.Statement;
import java.util.List;

/** {@link CountingQuery}: a standing query feeding a {@link CountingSink}, owned by the runtime. */
public final class CountingQueryImpl implements CountingQuery {
  private final EngineRuntime rt;
  private final String key;
  private final StandingQuery query;
  private final CountingSink sink;

  private CountingQueryImpl(EngineRuntime rt, String key, StandingQuery query, CountingSink sink) {
    this.rt = rt;
    this.key = key;
    this.query = query;
    this.sink = sink;
  }

  /** Plans {@code select} as a standing query and starts it; planning errors are thrown as is. */
  public static CountingQuery start(EngineRuntime rt, String select) {
    Statement s = StatementParser.parseOne(select);
    if (!(s instanceof Select sel)) {
      throw new EddyException(ErrorCode.VALIDATION, "a counting query must be a SELECT", s.span(), s.script(),
          null, null);
    }
    PlannedQuery plan = rt.planner().plan(sel.query(), sel.script(), PlanMode.STANDING);
    CountingSink sink = new CountingSink();
    String key = "counting-" + rt.queryIds.incrementAndGet();
    StandingQuery q = rt.start(key, plan, sink, List.of());
    rt.counting.put(key, q);
    return new CountingQueryImpl(rt, key, q, sink);
  }

  @Override
  public void awaitCaughtUp() {
    rt.awaitCaughtUp(query);
  }

  @Override
  public Mark mark() {
    return new Ends(query.mark());
  }

  @Override
  public void awaitProcessed(Mark mark) {
    query.awaitProcessed(((Ends) mark).offsets());
  }

  /** Each source partition's end offset, by source and partition. */
  private record Ends(long[][] offsets) implements Mark {}

  @Override
  public long rowsIn() {
    return query.rowsIn();
  }

  @Override
  public long changesOut() {
    return sink.changes();
  }

  @Override
  public long netRowsOut() {
    return sink.net();
  }

  @Override
  public long stateRows() {
    return query.stateSize().rows();
  }

  @Override
  public long stateBytes() {
    return query.stateSize().bytes();
  }

  @Override
  public void close() {
    if (rt.counting.remove(key) != null) {
      query.close();
    }
  }
}
