package io.eddy.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.error.SourceSpan;
import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.engine.Result;
import io.eddy.engine.script.ScriptRunner.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner against a fake session: it must pass what matches and fail, with a diff, what does not. */
class ScriptRunnerTest {
  private static final RowType AUCTION_S = row("auction", TypeKind.BIGINT, "s", TypeKind.BIGINT);

  private final FakeSession session = new FakeSession();
  private final FakeSession subscriber = new FakeSession();

  private static RowType row(Object... nameKind) {
    List<Column> cols = new ArrayList<>();
    for (int i = 0; i < nameKind.length; i += 2) {
      cols.add(new Column((String) nameKind[i], SqlType.of((TypeKind) nameKind[i + 1])));
    }
    return new RowType(cols);
  }

  private static Result rows(RowType type, Object[]... rows) {
    return new Result.Rows(type, List.of(rows));
  }

  private Outcome run(String text) {
    try (ScriptRunner runner = new ScriptRunner(session, subscriber, new ChangeCollector(300, 30))) {
      return runner.run(ScriptParser.parse("t.sql", text));
    }
  }

  @Test
  void parsesAndRendersBackVerbatim() {
    String text = "# a comment\n\nCREATE STREAM s (a INT);\n> ok\n\n-- sql comment\nSELECT a\n  FROM s;\na\n1\n";
    Script script = ScriptParser.parse("t.sql", text);
    assertEquals(2, script.steps().size());
    assertEquals("SELECT a\n  FROM s", script.steps().get(1).sql());
    assertEquals(7, script.steps().get(1).line());
    List<List<String>> blocks = script.steps().stream().map(Script.Step::expected).toList();
    assertEquals(text, script.render(blocks));
  }

  @Test
  void rejectsAnUnterminatedStatementAndUnknownDirectives() {
    assertThrows(IllegalArgumentException.class, () -> ScriptParser.parse("t.sql", "SELECT 1\n"));
    assertThrows(IllegalArgumentException.class, () -> ExpectedBlock.parse(List.of("> sorted")));
  }

  @Test
  void comparesRowsAsBagsUnlessOrdered() {
    session.on("SELECT * FROM v", () -> rows(AUCTION_S, new Object[] {2L, 5L}, new Object[] {1L, 30L}));
    session.on("SELECT * FROM v ORDER BY auction", () -> rows(AUCTION_S, new Object[] {2L, 5L},
        new Object[] {1L, 30L}));
    assertTrue(run("SELECT * FROM v;\nauction | s\n1 | 30\n2       | 5\n").passed());
    Outcome ordered = run("SELECT * FROM v ORDER BY auction;\nauction | s\n1 | 30\n2 | 5\n");
    assertFalse(ordered.passed());
    assertEquals("SELECT * FROM v ORDER BY auction;\nauction | s\n2       | 5\n1       | 30\n", ordered.actualText());
    assertTrue(run("SELECT * FROM v ORDER BY auction;\n> unordered\nauction | s\n1 | 30\n2 | 5\n").passed());
    assertFalse(run("SELECT * FROM v;\nauction | s\n1 | 30\n").passed(), "a missing row fails");
    assertFalse(run("SELECT * FROM v;\nAUCTION | s\n1 | 30\n2 | 5\n").passed(), "header casing counts");
  }

  @Test
  void orderByIsDetectedOnlyAtTopLevel() {
    assertTrue(ScriptRunner.orderedByDefault("SELECT a FROM t\nORDER\n BY a"));
    assertFalse(ScriptRunner.orderedByDefault("SELECT * FROM (SELECT a FROM t ORDER BY a)"));
    assertFalse(ScriptRunner.orderedByDefault("SELECT 'order by' FROM t"));
    assertTrue(ScriptRunner.orderedByDefault("DESCRIBE t"));
  }

  @Test
  void matchesStatusLines() {
    session.on("CREATE STREAM s (a INT)", () -> new Result.Status("created", -1));
    session.on("INSERT INTO s VALUES (1), (2)", () -> new Result.Status("inserted", 2));
    assertTrue(run("CREATE STREAM s (a INT);\n> ok\n\nINSERT INTO s VALUES (1), (2);\n> 2 rows affected\n").passed());
    Outcome wrong = run("INSERT INTO s VALUES (1), (2);\n> ok\n");
    assertEquals("INSERT INTO s VALUES (1), (2);\n> 2 rows affected\n", wrong.actualText());
  }

  @Test
  void matchesErrorsByCodeReasonPositionAndCaret() {
    String sql = "SELECT prize\nFROM bids";
    session.on(sql, () -> {
      throw new EddyException(ErrorCode.NOT_FOUND, "column 'prize' not found", new SourceSpan(1, 8, 1, 12),
          sql, null, null);
    });
    String head = "SELECT prize\nFROM bids;\n";
    assertTrue(run(head + "> error 42S02\n").passed());
    assertTrue(run(head + "> error NOT_FOUND 42S02: 'prize' not\n").passed());
    assertTrue(run(head + "> error 42S02: not found\n> at line 1, column 8\n> SELECT prize\n>        ^^^^^\n").passed());
    assertFalse(run(head + "> error 42S01\n").passed());
    assertFalse(run(head + "> error 42S02: price\n").passed());
    assertFalse(run(head + "> error 42S02\n> at line 1, column 7\n").passed());
    Outcome noError = run(head + "prize\n1\n");
    assertEquals(head + "> error NOT_FOUND 42S02: column 'prize' not found\n> at line 1, column 8\n"
        + "> SELECT prize\n>        ^^^^^\n", noError.actualText());
    assertTrue(ScriptFiles.report(java.nio.file.Path.of("t.sql"), noError).contains("- prize\n- 1\n+ > error"));
  }

  @Test
  void containsChecksTheRenderedTable() {
    session.on("EXPLAIN SELECT 1", () -> rows(row("plan", TypeKind.VARCHAR), new Object[] {"Filter(a > 1)"}));
    assertTrue(run("EXPLAIN SELECT 1;\n> contains Filter\n").passed());
    Outcome o = run("EXPLAIN SELECT 1;\n> contains Aggregate\n");
    assertEquals("EXPLAIN SELECT 1;\nplan\nFilter(a > 1)\n", o.actualText());
  }

  @Test
  void subscriptionsShowConsolidatedChanges() {
    RowType cols = row("_time", TypeKind.BIGINT, "_diff", TypeKind.BIGINT, "auction", TypeKind.BIGINT,
        "s", TypeKind.BIGINT);
    FakeSubscription sub = new FakeSubscription(cols).push(1, 1, 1L, 30L);
    subscriber.on("SUBSCRIBE TO v", () -> sub);
    session.on("INSERT INTO bids VALUES (1, 5)", () -> {
      sub.push(2, -1, 1L, 30L).push(2, 1, 1L, 99L).push(2, -1, 1L, 99L).push(3, 1, 1L, 35L);
      return new Result.Status("", 1);
    });
    String text = "SUBSCRIBE TO v;\n_diff | auction | s\n+1 | 1 | 30\n\nINSERT INTO bids VALUES (1, 5);\n"
        + "> 1 row affected\n\n> changes\n_diff | auction | s\n+1 | 1 | 35\n-1 | 1 | 30\n";
    Outcome o = run(text);
    assertTrue(o.passed(), () -> ScriptFiles.report(java.nio.file.Path.of("t.sql"), o));
  }

  @Test
  void reportsTimeGoingBackwards() {
    RowType cols = row("_time", TypeKind.BIGINT, "_diff", TypeKind.BIGINT, "a", TypeKind.INT);
    FakeSubscription sub = new FakeSubscription(cols).push(5, 1, 1).push(4, 1, 2);
    subscriber.on("SUBSCRIBE TO v", () -> sub);
    Outcome o = run("SUBSCRIBE TO v;\n_diff | a\n+1 | 1\n+1 | 2\n");
    assertEquals(List.of("_time went backwards: 4 after 5 for row [2]"), o.problems());
  }
}
