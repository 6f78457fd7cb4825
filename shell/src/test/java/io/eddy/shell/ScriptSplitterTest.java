package io.eddy.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

  @Test
  void splitsAtSemicolonsOutsideStringsIdentifiersAndComments() {
    String script = """
        -- a comment; not a statement
        INSERT INTO t VALUES ('a;b', 'it''s');
        /* block; comment */ SELECT `x;y` FROM t;

        SELECT 2""";
    List<ScriptSplitter.Piece> pieces = ScriptSplitter.split(script);
    assertEquals(List.of(
        new ScriptSplitter.Piece("-- a comment; not a statement\nINSERT INTO t VALUES ('a;b', 'it''s')", 1),
        new ScriptSplitter.Piece("/* block; comment */ SELECT `x;y` FROM t", 3),
        new ScriptSplitter.Piece("SELECT 2", 5)), pieces);
  }

  @Test
  void dropsEmptyAndCommentOnlyStatements() {
    assertEquals(List.of(new ScriptSplitter.Piece("SELECT 1", 1)),
        ScriptSplitter.split("SELECT 1;;  \n-- done\n"));
  }

  @Test
  void inputIsCompleteOnlyAfterATerminatingSemicolon() {
    assertTrue(ScriptSplitter.isComplete("SELECT 1;"));
    assertTrue(ScriptSplitter.isComplete("SELECT 1; -- trailing comment"));
    assertFalse(ScriptSplitter.isComplete("SELECT 1"));
    assertFalse(ScriptSplitter.isComplete("SELECT ';"));
    assertFalse(ScriptSplitter.isComplete("SELECT 1 /* ; */"));
  }
}
