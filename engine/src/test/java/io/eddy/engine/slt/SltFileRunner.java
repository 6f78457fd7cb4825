package io.eddy.engine.slt;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.Change;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import io.eddy.engine.Subscription;
import io.eddy.engine.slt.SltOutcome.Kind;
import io.eddy.engine.slt.SltRecord.Query;
import io.eddy.engine.slt.SltRecord.SortMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs one parsed SLT file through standing queries in one session. Statements are replayed in
 * order (consecutive inserts into one table as one batch). Every selected query becomes two views:
 * an <em>early</em> one, registered as soon as the tables it reads exist (before their data, so it
 * is maintained incrementally through every insert and delete), and a <em>late</em> one, registered
 * at the query's position (so it backfills from the log). Both must show the expected result at
 * the query's position. A {@code nosort} query is also run as a snapshot SELECT, whose order is
 * checked; the views (which keep no order) must hold the same rows. Views are read from their
 * stores (see {@link #viewRows}).
 *
 * <p>At most {@link #MAX_EARLY} early views live at once; a later query's early view is registered
 * when an earlier one is dropped. {@link SltFiles} therefore runs a file whose queries all follow
 * its statements in chunks of that many queries, one fresh engine each, so that every early view
 * is registered before any data.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class SltFileRunner {
  /** At most this many early views are alive at once (each is a thread). */
  static final int MAX_EARLY = 200;
  private static final java.util.regex.Pattern DUPLICATE_NAME =
      java.util.regex.Pattern.compile("(?s).*would have two columns named '([^']*)'.*");
  private static final int MAX_BATCH = 500;

  private final Session session;
  private final SltScript script;
  private final Predicate<Query> selected;
  private final SltDialect dialect = new SltDialect();
  private final Map<Integer, SltOutcome> outcomes = new LinkedHashMap<>();
  /** Early views by query line; a value is the view name, or the error that refused it. */
  private final Map<Integer, Object> early = new HashMap<>();
  private final List<Query> pending = new ArrayList<>();
  private final List<String> statementProblems = new ArrayList<>();
  private final List<String> deferredDrops = new ArrayList<>();
  private int earlyRegistered;
  private String taint;
  /** The first refused statement is one Eddy does not support (UPDATE, REPLACE): later failures are skips. */
  private boolean taintUnsupported;

  SltFileRunner(Session session, SltScript script, Predicate<Query> selected) {
    this.session = session;
    this.script = script;
    this.selected = selected;
  }

  /** Outcomes of the selected query records, in file order. */
  List<SltOutcome> run() {
    List<SltRecord> records = script.records();
    int i = 0;
    while (i < records.size()) {
      SltRecord r = records.get(i);
      if (r instanceof SltRecord.Statement s) {
        i = statements(records, i);
      } else {
        Query q = (Query) r;
        if (selected.test(q)) {
          outcomes.put(q.line(), check(q));
          registerEarly();
        }
        i++;
      }
    }
    return List.copyOf(outcomes.values());
  }

  /** Queries that had a view registered before the data they read. */
  int earlyRegistered() {
    return earlyRegistered;
  }

  /** Statements whose outcome differed from the file's expectation. */
  List<String> statementProblems() {
    return statementProblems;
  }

  /** Runs the statement at {@code i} (with any inserts batched after it); returns the next index. */
  private int statements(List<SltRecord> records, int i) {
    SltRecord.Statement s = (SltRecord.Statement) records.get(i);
    SltDialect.Translation t = s.expectError() ? new SltDialect.Run(s.sql()) : dialect.translate(s.sql());
    if (t instanceof SltDialect.NoOp) {
      return i + 1;
    }
    if (t instanceof SltDialect.Insert ins) {
      List<String> rows = new ArrayList<>(ins.rows());
      List<SltRecord.Statement> batch = new ArrayList<>(List.of(s));
      int j = i + 1;
      while (j < records.size() && rows.size() < MAX_BATCH && records.get(j) instanceof SltRecord.Statement n
          && !n.expectError() && dialect.translate(n.sql()) instanceof SltDialect.Insert more
          && more.table().equalsIgnoreCase(ins.table())) {
        rows.addAll(more.rows());
        batch.add(n);
        j++;
      }
      if (batch.size() > 1 && tryRun(new SltDialect.Insert(ins.table(), rows).sql()) == null) {
        return j;
      }
      for (SltRecord.Statement b : batch) {
        execute(b, ((SltDialect.Insert) dialect.translate(b.sql())).sql());
      }
      return j;
    }
    String sql = ((SltDialect.Run) t).sql();
    boolean ok = SltDialect.isDropView(sql) ? dropView(s, sql) : execute(s, sql);
    if (ok && !s.expectError() && SltDialect.isDdl(s.sql())) {
      dialect.applied(s.sql());
      if (SltDialect.isDrop(s.sql())) {
        pending.clear();
      } else {
        collectPending(records, i + 1);
      }
      registerEarly();
    } else if (!ok) {
      dialect.failed(s.sql());
    }
    return i + 1;
  }

  /**
   * SQLite drops a view that other views read (they break); Eddy refuses. Such a drop is deferred
   * until its dependents are gone, retried after every later DROP VIEW.
   */
  private boolean dropView(SltRecord.Statement s, String sql) {
    EddyException e = tryRun(sql);
    if (e != null && e.code() == ErrorCode.DEPENDENCY && !s.expectError()) {
      deferredDrops.add(sql);
      return true;
    }
    if (e == null) {
      deferredDrops.removeIf(d -> tryRun(d) == null);
      if (s.expectError()) {
        statementProblems.add(s.line() + ": succeeded, SQLite fails it: " + s.sql());
      }
      return true;
    }
    return execute(s, sql);
  }

  private boolean execute(SltRecord.Statement s, String sql) {
    EddyException e = tryRun(sql);
    if (e == null && s.expectError()) {
      statementProblems.add(s.line() + ": succeeded, SQLite fails it: " + s.sql());
    } else if (e != null && !s.expectError()) {
      statementProblems.add(s.line() + ": " + e.code() + " " + e.reason());
      if (taint == null) {
        taint = "after refused statement at line " + s.line() + " (" + e.code() + " " + e.reason() + ")";
        taintUnsupported = e.code() == ErrorCode.SYNTAX || e.code() == ErrorCode.UNSUPPORTED
            || e.reason().contains("streams are append-only");
      }
    }
    return e == null;
  }

  private EddyException tryRun(String sql) {
    try {
      session.execute(sql);
      return null;
    } catch (EddyException e) {
      return e;
    }
  }

  /** The selected queries from {@code from} to the next DROP: candidates for early views. */
  private void collectPending(List<SltRecord> records, int from) {
    pending.clear();
    for (int j = from; j < records.size(); j++) {
      SltRecord r = records.get(j);
      if (r instanceof SltRecord.Statement s && SltDialect.isDrop(s.sql())) {
        break;
      }
      if (r instanceof Query q && selected.test(q) && !early.containsKey(q.line())) {
        pending.add(q);
      }
    }
  }

  private void registerEarly() {
    Set<String> existing = dialect.existing();
    for (var it = pending.iterator(); it.hasNext() && liveEarly() < MAX_EARLY; ) {
      Query q = it.next();
      Set<String> words = SltDialect.words(q.sql());
      words.retainAll(allNames());
      if (!existing.containsAll(words)) {
        continue;
      }
      it.remove();
      String view = "slt_e_" + q.line();
      EddyException e = tryRun("CREATE VIEW " + view + " AS " + q.sql());
      early.put(q.line(), e == null ? view : e);
    }
  }

  private Set<String> allNames;

  private Set<String> allNames() {
    if (allNames == null) {
      allNames = new java.util.HashSet<>();
      for (SltRecord r : script.records()) {
        if (r instanceof SltRecord.Statement s) {
          java.util.regex.Matcher m = java.util.regex.Pattern
              .compile("(?is)CREATE\\s+(TABLE|VIEW)\\s+(\\w+).*").matcher(s.sql().trim());
          if (m.matches()) {
            allNames.add(SltDialect.key(m.group(2)));
          }
        }
      }
    }
    return allNames;
  }

  private int liveEarly() {
    return (int) early.values().stream().filter(v -> v instanceof String).count();
  }

  private SltOutcome check(Query q) {
    pending.remove(q);
    Object e = early.remove(q.line());
    String lateView = "slt_l_" + q.line();
    EddyException refused = tryRun("CREATE VIEW " + lateView + " AS " + q.sql());
    try {
      if (refused != null) {
        return refusal(q, refused);
      }
      List<Object[]> late = viewRows(lateView);
      List<Object[]> ordered = q.sort() == SortMode.NOSORT ? snapshot(q.sql()) : late;
      String problem = compare(q, ordered, q.sort());
      if (problem == null && ordered != late) {
        problem = sameRows(q, late, ordered, "late view");
      }
      if (problem == null && e instanceof EddyException ee) {
        problem = "early view refused (" + ee.code() + ") but late view planned: " + ee.reason();
      }
      if (problem == null && e instanceof String earlyView) {
        earlyRegistered++;
        problem = sameRows(q, viewRows(earlyView), ordered, "early (incremental) view");
      }
      if (problem == null) {
        return SltOutcome.pass(q.line());
      }
      return SltOutcome.failed(q.line(), taintUnsupported ? Kind.UNSUPPORTED : Kind.EDDY_BUG,
          (taint != null ? taint + ": " : "") + problem);
    } catch (EddyException ex) {
      return SltOutcome.failed(q.line(), Kind.EDDY_BUG, (taint != null ? taint + ": " : "") + ex.code()
          + " " + ex.reason());
    } catch (RuntimeException ex) {
      return SltOutcome.failed(q.line(), Kind.EDDY_BUG, "harness: " + ex);
    } finally {
      if (e instanceof String earlyView) {
        tryRun("DROP VIEW " + earlyView);
      }
      if (refused == null) {
        tryRun("DROP VIEW " + lateView);
      }
    }
  }

  private SltOutcome refusal(Query q, EddyException e) {
    if (e.code() == ErrorCode.UNSUPPORTED) {
      return SltOutcome.unsupported(q.line(), e.reason());
    }
    java.util.regex.Matcher twice = DUPLICATE_NAME.matcher(e.reason());
    if (e.code() == ErrorCode.VALIDATION && twice.matches()) {
      // a view's columns need distinct names (as in PostgreSQL); the query itself is still checked
      String problem = compare(q, snapshot(q.sql()), q.sort());
      return problem != null ? SltOutcome.failed(q.line(), Kind.EDDY_BUG, "one-shot SELECT: " + problem)
          : SltOutcome.unsupported(q.line(), "two result columns named " + twice.group(1) + ": a standing view "
              + "needs distinct column names (as in PostgreSQL); the one-shot SELECT answers as SQLite does");
    }
    java.util.Optional<String> quirk = SltQuirks.of(q.sql(), e);
    if (quirk.isPresent()) {
      return SltOutcome.failed(q.line(), Kind.SQLITE_QUIRK, quirk.get());
    }
    return SltOutcome.failed(q.line(), Kind.EDDY_BUG, (taint != null ? taint + ": " : "") + e.code() + " "
        + e.reason());
  }

  /**
   * The view's contents, read from its store through {@code SUBSCRIBE} (which waits until the
   * view has caught up with the log and hands over the contents without planning a query; a
   * {@code SELECT *} would cost a Calcite planning per read).
   */
  private List<Object[]> viewRows(String view) {
    List<Object[]> rows = new ArrayList<>();
    try (Subscription sub = (Subscription) session.execute("SUBSCRIBE " + view)) {
      for (Change c = sub.poll(0, TimeUnit.MILLISECONDS); c != null; c = sub.poll(0, TimeUnit.MILLISECONDS)) {
        if (c.diff() < 0) {
          throw new IllegalStateException("view " + view + " holds a row " + c.diff() + " times");
        }
        for (long n = 0; n < c.diff(); n++) {
          rows.add(c.row());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading " + view, e);
    }
    return rows;
  }

  private List<Object[]> snapshot(String sql) {
    return ((Result.Rows) session.execute(sql)).rows();
  }

  private static String compare(Query q, List<Object[]> rows, SortMode sort) {
    try {
      return SltComparison.mismatch(SltComparison.flatten(SltValues.render(rows, q.types()), sort),
          q.expected());
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static String sameRows(Query q, List<Object[]> actual, List<Object[]> reference, String what) {
    List<String> a = SltComparison.flatten(SltValues.render(actual, q.types()), SortMode.ROWSORT);
    List<String> b = SltComparison.flatten(SltValues.render(reference, q.types()), SortMode.ROWSORT);
    return a.equals(b) ? null : what + " differs: " + a.size() + " values vs " + b.size();
  }
}
