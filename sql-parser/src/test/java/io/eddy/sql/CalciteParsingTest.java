package io.eddy.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.sql.ast.QueryText;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

/** Calcite settings: MySQL lexical rules, lenient conformance, positions mapped to the script. */
class CalciteParsingTest {

  private static SqlNode query(String sql) {
    return CalciteParsing.parseQuery(new QueryText(sql, 1, 1));
  }

  @Test
  void mysqlLexicalSettings() {
    assertEquals(Quoting.BACK_TICK, CalciteParsing.config().quoting());
    assertEquals(Casing.UNCHANGED, CalciteParsing.config().unquotedCasing());
    assertEquals(Casing.UNCHANGED, CalciteParsing.config().quotedCasing());
    assertFalse(CalciteParsing.config().caseSensitive());
    assertTrue(query("SELECT `dateTime`, Price FROM Bids").toString().contains("`dateTime`, `Price`"));
  }

  @Test
  void acceptsFlinkStyleText() {
    query("SELECT window_start, window_end, COUNT(*) FILTER (WHERE price > 10) FROM TABLE("
        + "TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end");
    query("SELECT * FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND))");
    query("SELECT * FROM bids WHERE price > ? ORDER BY price DESC LIMIT 10");
    CalciteParsing.parseExpression(new QueryText("price > 10 AND auction <> ?", 1, 1));
  }

  @Test
  void everyCallReturnsAFreshTree() {
    QueryText q = new QueryText("SELECT 1", 1, 1);
    assertNotSame(CalciteParsing.parseQuery(q), CalciteParsing.parseQuery(q));
  }

  @Test
  void positionsWithoutTheScriptPointIntoAStandIn() {
    EddyException e = assertThrows(EddyException.class,
        () -> CalciteParsing.parseQuery(new QueryText("SELECT a\nFROM t t2 t3", 5, 10)));

    assertEquals(6, e.span().line());
    assertEquals(11, e.span().column());
    assertTrue(e.getMessage().contains("FROM t t2 t3\n          ^^"), e.getMessage());
  }

  @Test
  void positionsOnTheQueryFirstLineAreShiftedByItsColumn() {
    String script = "-- x\nEXPLAIN SELECT a, FROM t";
    EddyException e = assertThrows(EddyException.class,
        () -> CalciteParsing.parseQuery(new QueryText("SELECT a, FROM t", 2, 9), script));

    assertEquals(2, e.span().line());
    assertEquals(19, e.span().column());
    assertEquals(script, e.sourceText());
  }
}
