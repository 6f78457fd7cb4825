package io.eddy.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Syntax errors: SYNTAX code, exact script positions, caret excerpt, readable reason and hint. */
class SyntaxErrorTest {

  private static EddyException error(String script) {
    EddyException e = assertThrows(EddyException.class, () -> StatementParser.parseScript(script));
    assertEquals(ErrorCode.SYNTAX, e.code(), e.getMessage());
    assertEquals(script, e.sourceText());
    for (String raw : List.of("Encountered", "Was expecting", "mismatched", "extraneous", "viable", "line 1:")) {
      assertFalse(e.getMessage().contains(raw), e.getMessage());
    }
    return e;
  }

  private static void assertAt(EddyException e, int line, int column) {
    assertEquals(line, e.span().line(), e.getMessage());
    assertEquals(column, e.span().column(), e.getMessage());
  }

  @Test
  void typoInAQueryOnLineThreeColumnEight() {
    String script = "CREATE STREAM bids (price BIGINT);\n\nSELECT * FORM bids;";

    EddyException e = error(script);

    assertAt(e, 3, 15);
    assertEquals("unexpected 'bids'", e.reason());
    assertEquals("'FORM' looks like a misspelt FROM", e.hint());
  }

  @Test
  void misspeltKeywordOfTheStatementFrameOnLineThree() {
    String script = "SHOW VIEWS;\n-- next one\nCREATE STREM s (a INT);";

    EddyException e = error(script);

    assertAt(e, 3, 8);
    assertEquals("unexpected 'STREM'", e.reason());
    assertEquals("did you mean STREAM?", e.hint());
    assertEquals("""
        unexpected 'STREM' at line 3, column 8
        CREATE STREM s (a INT);
               ^^^^^
        hint: did you mean STREAM?""", e.getMessage());
  }

  @Test
  void errorOnALaterLineOfAQueryBodyMapsToTheScript() {
    String script = "SHOW TABLES;\nCREATE VIEW v AS SELECT a,\n    b\n  FROM t WHERE a = = 1\n;";

    EddyException e = error(script);

    assertAt(e, 4, 18);
    assertEquals("unexpected '='", e.reason());
  }

  @Test
  void errorOnTheFirstLineOfAQueryBodyIsShiftedByItsColumn() {
    EddyException e = error("SHOW TABLES; SELECT a b c FROM t");

    assertAt(e, 1, 25);
    assertEquals("unexpected 'c'", e.reason());
  }

  @Test
  void unclosedParenthesisInAQuery() {
    EddyException e = error("SELECT a FROM t\n  WHERE (a = 1");

    assertEquals("missing ')'", e.reason());
    assertAt(e, 2, 15);
  }

  @Test
  void unclosedParenthesisInTheFrame() {
    EddyException e = error("CREATE STREAM s (a INT");

    assertEquals("missing ')'", e.reason());
    assertAt(e, 1, 23);
    assertEquals("expected ')' or ','", e.hint());
  }

  @Test
  void twoStatementsRunTogether() {
    EddyException frame = error("DROP STREAM a\nDROP STREAM b");
    assertAt(frame, 2, 1);
    assertEquals("statements end with ';'", frame.hint());

    EddyException query = error("CREATE VIEW v AS SELECT 1\nCREATE STREAM s (a INT)");
    assertAt(query, 2, 1);
    assertEquals("statements end with ';'", query.hint());
  }

  @Test
  void missingOrMisspeltColumnType() {
    EddyException missing = error("CREATE STREAM s (a, b INT)");
    assertAt(missing, 1, 19);
    assertEquals("expected a column type such as BIGINT, VARCHAR, TIMESTAMP(3)", missing.hint());

    assertEquals("did you mean BIGINT?", error("CREATE STREAM s (a BIGNIT)").hint());
  }

  @Test
  void misspeltStatementKeyword() {
    EddyException e = error("SELEC 1");
    assertAt(e, 1, 1);
    assertEquals("did you mean SELECT?", e.hint());
  }

  @Test
  void unterminatedStringAndComment() {
    EddyException string = error("SELECT 1;\nINSERT INTO s VALUES ('abc)");
    assertEquals("unterminated string literal", string.reason());
    assertAt(string, 2, 23);

    assertEquals("unterminated comment", error("SELECT 1 /* never closed").reason());
  }

  @Test
  void emitOnlyEndsAView() {
    EddyException e = error("SELECT 1 EMIT CHANGES");
    assertAt(e, 1, 10);
    assertEquals("EMIT CHANGES / EMIT ON WINDOW CLOSE end a CREATE VIEW statement", e.hint());
  }

  @Test
  void doubleQuotedNames() {
    assertEquals("quote names with backticks, as in `s`", error("DROP STREAM \"s\"").hint());
  }

  @Test
  void ddlChecks() {
    EddyException noKey = assertThrows(EddyException.class,
        () -> StatementParser.parseScript("CREATE TABLE t (a INT)"));
    assertEquals("a table needs a PRIMARY KEY", noKey.reason());
    assertEquals(ErrorCode.CONSTRAINT, noKey.code());
    assertEquals("a stream has no primary key", error("CREATE STREAM s (a INT PRIMARY KEY)").reason());
    assertEquals("column 'A' is declared twice", error("CREATE STREAM s (a INT, A INT)").reason());
    EddyException wm = error("CREATE STREAM s (ts TIMESTAMP, WATERMARK FOR tss AS tss)");
    assertEquals("did you mean 'ts'?", wm.hint());
    assertAt(wm, 1, 46);
    assertEquals("watermark column 'a' is INT, not a TIMESTAMP",
        error("CREATE STREAM s (a INT, WATERMARK FOR a AS a)").reason());
    EddyException unit = error("CREATE STREAM s (ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECONDZ)");
    assertEquals("did you mean SECOND?", unit.hint());
    assertEquals("type DECIMAL(40, 2) is out of range", error("CREATE STREAM s (d DECIMAL(40, 2))").reason());
    assertEquals("option 'format' is given twice",
        error("CREATE STREAM s (a INT) WITH (format = 'json', FORMAT = 'csv')").reason());
  }

  @Test
  void parseOneWantsExactlyOneStatement() {
    EddyException two = assertThrows(EddyException.class, () -> StatementParser.parseOne("SELECT 1;\nSELECT 2;"));
    assertEquals("expected one statement, found 2", two.reason());
    assertAt(two, 2, 1);
    EddyException none = assertThrows(EddyException.class, () -> StatementParser.parseOne("-- nothing"));
    assertEquals("no statement to run", none.reason());
  }

  @Test
  void syntaxErrorsCarryNoCalciteCause() {
    assertNull(error("SELECT FROM").getCause());
  }
}
