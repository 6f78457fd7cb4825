package io.eddy.engine.diff;

import io.eddy.engine.Change;
import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import io.eddy.engine.Subscription;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link Workload} with one batch size against a fresh engine and a fresh DuckDB. Query i
 * is registered as view {@code vb<i>} before any data and as {@code va<i>} after the first step;
 * after every step (when {@code checkEveryStep}) and at the end every view's snapshot must equal
 * DuckDB running the query. A subscription to {@code vb0}, opened before the data, must integrate to
 * the final snapshot. Returns the final snapshots, by view name.
 */
final class DifferentialRun {
  private final Workload w;
  private final int batchSize;
  private final boolean checkEveryStep;

  /** Engine settings of the run (e.g. {@code parallelism}). */
  private final Map<String, String> settings;

  DifferentialRun(Workload w, int batchSize, boolean checkEveryStep) {
    this(w, batchSize, checkEveryStep, io.eddy.engine.script.ScriptFiles.testSettings());
  }

  DifferentialRun(Workload w, int batchSize, boolean checkEveryStep, Map<String, String> settings) {
    this.w = w;
    this.batchSize = batchSize;
    this.checkEveryStep = checkEveryStep;
    this.settings = Map.copyOf(settings);
  }

  Map<String, List<Object[]>> run(Path dataDir) throws Exception {
    try (DuckDbOracle duck = new DuckDbOracle();
        Engine engine = Engine.open(new EngineConfig(dataDir, settings));
        Session session = engine.openSession();
        Session subscriber = engine.openSession()) {
      for (SourceDef s : w.sources()) {
        exec(session, s.eddyDdl());
        duck.execute(s.duckDdl());
      }
      createViews(session, "vb");
      try (Subscription sub = (Subscription) exec(subscriber, "SUBSCRIBE TO vb0")) {
        for (int i = 0; i < w.ops().size(); i++) {
          Op op = w.ops().get(i);
          for (String sql : op.statements(batchSize, false)) {
            exec(session, sql);
          }
          op.statements(batchSize, true).forEach(duck::execute);
          if (i == 0) {
            createViews(session, "va");
          }
          if (checkEveryStep || i == w.ops().size() - 1) {
            checkViews(session, duck, "after step " + i + " " + op.statements(batchSize, false));
          }
        }
        Map<String, List<Object[]>> snapshots = snapshots(session);
        checkSubscription(sub, snapshots.get("vb0"));
        return snapshots;
      }
    }
  }

  private void createViews(Session session, String prefix) {
    for (int i = 0; i < w.queries().size(); i++) {
      exec(session, "CREATE VIEW " + prefix + i + " AS " + w.queries().get(i));
    }
  }

  private void checkViews(Session session, DuckDbOracle duck, String when) {
    for (int i = 0; i < w.queries().size(); i++) {
      List<Object[]> expected = duck.query(w.queries().get(i));
      for (String prefix : List.of("vb", "va")) {
        List<Object[]> actual = ((Result.Rows) exec(session, "SELECT * FROM " + prefix + i)).rows();
        Optional<String> diff = Bags.difference(expected, actual);
        if (diff.isPresent()) {
          throw failure("view " + prefix + i + " differs from DuckDB " + when + ":\n  "
              + w.queries().get(i) + "\n" + diff.get());
        }
      }
    }
  }

  private Map<String, List<Object[]>> snapshots(Session session) {
    Map<String, List<Object[]>> out = new LinkedHashMap<>();
    for (int i = 0; i < w.queries().size(); i++) {
      for (String prefix : List.of("vb", "va")) {
        out.put(prefix + i, ((Result.Rows) exec(session, "SELECT * FROM " + prefix + i)).rows());
      }
    }
    return out;
  }

  /** Integrates the subscription's changes until they equal the snapshot or 10 s pass. */
  private void checkSubscription(Subscription sub, List<Object[]> snapshot) throws InterruptedException {
    Map<List<Object>, Long> weights = new LinkedHashMap<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long lastTime = Long.MIN_VALUE;
    Optional<String> diff = Bags.difference(snapshot, expand(weights));
    while (diff.isPresent() && System.nanoTime() < deadline) {
      Change c = sub.poll(50, TimeUnit.MILLISECONDS);
      while (c != null) {
        if (c.time() < lastTime) {
          throw failure("subscription _time went backwards: " + c.time() + " after " + lastTime);
        }
        lastTime = c.time();
        weights.merge(Arrays.asList(c.row()), c.diff(), Long::sum);
        c = sub.poll(0, TimeUnit.MILLISECONDS);
      }
      diff = Bags.difference(snapshot, expand(weights));
    }
    if (diff.isPresent()) {
      throw failure("integrated changes of SUBSCRIBE TO vb0 differ from its snapshot:\n  "
          + w.queries().get(0) + "\n" + diff.get());
    }
  }

  private static List<Object[]> expand(Map<List<Object>, Long> weights) {
    List<Object[]> rows = new ArrayList<>();
    weights.forEach((row, n) -> {
      for (long i = 0; i < Math.abs(n); i++) {
        rows.add(n > 0 ? row.toArray() : negative(row));
      }
    });
    return rows;
  }

  /** A row with a negative net weight can never match a snapshot row: mark it. */
  private static Object[] negative(List<Object> row) {
    List<Object> marked = new ArrayList<>(List.of("NEGATIVE WEIGHT"));
    marked.addAll(row);
    return marked.toArray();
  }

  private Result exec(Session session, String sql) {
    try {
      return session.execute(sql);
    } catch (RuntimeException e) {
      throw new AssertionError(header() + "engine failed on: " + sql + "\n" + e.getMessage(), e);
    }
  }

  private AssertionError failure(String what) {
    return new AssertionError(header() + what);
  }

  private String header() {
    return "[seed " + w.seed() + ", batch size " + batchSize + "; rerun with -D" + DifferentialTest.SEED
        + "=" + w.seed() + "]\n" + w.describe();
  }
}
