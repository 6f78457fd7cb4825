package io.eddy.engine.script;

import io.eddy.engine.CatalogEntry;
import io.eddy.engine.PreparedQuery;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A session that answers statements from a table of canned results, to test the runner itself. */
final class FakeSession implements Session {
  private final Map<String, Supplier<Result>> answers = new HashMap<>();

  FakeSession on(String sql, Supplier<Result> answer) {
    answers.put(sql, answer);
    return this;
  }

  @Override
  public Result execute(String statement) {
    Supplier<Result> answer = answers.get(statement);
    if (answer == null) {
      throw new AssertionError("unexpected statement: " + statement);
    }
    return answer.get();
  }

  @Override
  public List<Result> executeScript(String script) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PreparedQuery prepare(String statement) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<CatalogEntry> catalog() {
    return List.of();
  }

  @Override
  public void cancel() {}

  @Override
  public void close() {}
}
