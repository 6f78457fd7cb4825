package io.eddy.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.eddy.common.error.SourceSpan;
import io.eddy.sql.ast.CreateStream;
import io.eddy.sql.ast.Insert;
import io.eddy.sql.ast.Select;
import io.eddy.sql.ast.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripts: statements split at ';' only outside strings, names and comments. */
class ScriptTest {

  @Test
  void splitsAtSemicolonsOutsideStringsAndComments() {
    String script = """
        -- a comment; not a split
        CREATE STREAM s (a VARCHAR);;
        /* block ; comment */ INSERT INTO s VALUES ('x;y'), ('it''s; fine');
        SELECT `semi;colon` FROM s -- trailing ; comment
        """;

    List<Statement> statements = StatementParser.parseScript(script);

    assertEquals(3, statements.size());
    assertInstanceOf(CreateStream.class, statements.get(0));
    Insert insert = assertInstanceOf(Insert.class, statements.get(1));
    assertEquals("VALUES ('x;y'), ('it''s; fine')", insert.source().sql());
    Select select = assertInstanceOf(Select.class, statements.get(2));
    assertEquals("SELECT `semi;colon` FROM s", select.query().sql());
    for (Statement s : statements) {
      assertSame(script, s.script());
    }
  }

  @Test
  void spansAndTextOfEachStatement() {
    String script = "SHOW STREAMS;\n  DESCRIBE bids ;\nSELECT 1\n  + 2";

    List<Statement> statements = StatementParser.parseScript(script);

    assertEquals(new SourceSpan(1, 1, 1, 12), statements.get(0).span());
    assertEquals(new SourceSpan(2, 3, 2, 15), statements.get(1).span());
    assertEquals("DESCRIBE bids", statements.get(1).text());
    assertEquals(new SourceSpan(3, 1, 4, 5), statements.get(2).span());
    assertEquals("SELECT 1\n  + 2", statements.get(2).text());
  }

  @Test
  void commentsInsideAQueryStayInItsText() {
    Select s = (Select) StatementParser.parseOne("SELECT a, -- first\n  b /* second */ FROM t;");
    assertEquals("SELECT a, -- first\n  b /* second */ FROM t", s.query().sql());
  }

  @Test
  void emptyScriptsHaveNoStatements() {
    assertEquals(List.of(), StatementParser.parseScript(""));
    assertEquals(List.of(), StatementParser.parseScript("  ;; -- nothing\n/* at all */ ;"));
  }

  @Test
  void statementsOfAScriptAreIndependentRecords() {
    List<Statement> statements = StatementParser.parseScript("SELECT 1; SELECT 2");
    assertEquals(new Select(new io.eddy.sql.ast.QueryText("SELECT 2", 1, 11), new SourceSpan(1, 11, 1, 18),
        "SELECT 1; SELECT 2"), statements.get(1));
  }
}
