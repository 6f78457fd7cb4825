package io.eddy.engine.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.eddy.engine.slt.SltRecord.SortMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SLT harness itself: parsing, guards, rendering, sorting, hashing and the DDL rewrite. */
class SltHarnessTest {

  @Test
  void parsesRecordsAndAppliesGuards() {
    String text = """
        hash-threshold 8

        statement ok
        CREATE TABLE t1(a INTEGER, b TEXT)

        onlyif mysql
        query I rowsort
        SELECT 1
        ----
        1

        skipif mysql
        query IT rowsort label-1
        SELECT a, b FROM t1
        ----
        1
        (empty)

        query I nosort
        SELECT a FROM t1
        ----
        30 values hashing to 0123456789abcdef0123456789abcdef

        skipif eddy
        halt

        onlyif eddy
        halt

        query I nosort
        SELECT 2
        ----
        2
        """;
    SltScript s = SltParser.parse("x.test", text);
    assertEquals(3, s.records().size());
    assertEquals(1, s.guardedOut());
    SltRecord.Query q = (SltRecord.Query) s.records().get(1);
    assertEquals("IT", q.types());
    assertEquals(SortMode.ROWSORT, q.sort());
    assertEquals("label-1", q.label());
    assertEquals(List.of("1", "(empty)"), ((SltRecord.Values) q.expected()).values());
    assertEquals(13, q.line());
    SltRecord.Hash h = assertInstanceOf(SltRecord.Hash.class, ((SltRecord.Query) s.records().get(2)).expected());
    assertEquals(30, h.count());
  }

  @Test
  void rendersValuesAsSqliteDoes() {
    assertEquals("NULL", SltValues.render(null, 'I'));
    assertEquals("-7", SltValues.render(-7.9, 'I'));
    assertEquals("1", SltValues.render(true, 'I'));
    assertEquals("3.000", SltValues.render(3, 'R'));
    assertEquals("2.346", SltValues.render(new java.math.BigDecimal("2.3456"), 'R'));
    assertEquals("(empty)", SltValues.render("", 'T'));
    assertEquals("a@b", SltValues.render("a\tb", 'T'));
    assertEquals("12", SltValues.render(12L, 'T'));
  }

  @Test
  void sortsAndHashesLikeSlt() {
    List<List<String>> rows = List.of(List.of("2", "b"), List.of("10", "a"));
    assertEquals(List.of("10", "a", "2", "b"), SltComparison.flatten(rows, SortMode.ROWSORT));
    assertEquals(List.of("10", "2", "a", "b"), SltComparison.flatten(rows, SortMode.VALUESORT));
    assertEquals(List.of("2", "b", "10", "a"), SltComparison.flatten(rows, SortMode.NOSORT));
    // md5 of "1\n2\n" (printf '1\n2\n' | md5sum)
    String md5 = SltComparison.md5(List.of("1", "2"));
    assertEquals("6ddb4095eb719e2a9f0a3f95677d24e0", md5);
    assertNull(SltComparison.mismatch(List.of("1", "2"), new SltRecord.Hash(2, md5)));
    assertEquals("value 2 is 3, expected 2",
        SltComparison.mismatch(List.of("1", "3"), new SltRecord.Values(List.of("1", "2"))));
  }

  @Test
  void rewritesSqliteDdlAndBatchableInserts() {
    SltDialect d = new SltDialect();
    assertEquals(new SltDialect.Run("CREATE STREAM t1 (a BIGINT, b VARCHAR, c DOUBLE)"),
        d.translate("CREATE TABLE t1(a INTEGER, b VARCHAR(8), c FLOAT)"));
    assertEquals(new SltDialect.Run("CREATE TABLE tab0 (pk BIGINT, x VARCHAR, PRIMARY KEY (pk))"),
        d.translate("CREATE TABLE tab0(pk INTEGER PRIMARY KEY, x TEXT)"));
    assertEquals(new SltDialect.Insert("t1", List.of("(3, NULL, 'x,y')")),
        d.translate("INSERT INTO t1(c,a) VALUES('x,y',3)"));
    assertInstanceOf(SltDialect.NoOp.class, d.translate("CREATE INDEX i ON t1(a)"));
    assertEquals(new SltDialect.Insert("tab0", List.of("(2, 'r')")), d.translate("REPLACE INTO tab0 VALUES(2, 'r')"));
    assertEquals(new SltDialect.Insert("tab0", List.of("(3, 'r')")),
        d.translate("INSERT OR REPLACE INTO tab0 VALUES(3, 'r')"));
    assertEquals(new SltDialect.Run("REPLACE INTO t1 VALUES(1, 'r', 2)"), d.translate("REPLACE INTO t1 VALUES(1, 'r', 2)"));
    assertEquals(new SltDialect.Run("DROP STREAM t1"), d.translate("DROP TABLE t1"));
    assertEquals(new SltDialect.Run("DROP TABLE tab0"), d.translate("DROP TABLE tab0"));
  }

  @Test
  void splitsQueriesAfterTheDataIntoChunksButKeepsInterleavedFilesWhole() {
    StringBuilder text = new StringBuilder("statement ok\nCREATE TABLE t1(a INTEGER)\n\n");
    for (int i = 0; i < 5; i++) {
      text.append("query I nosort\nSELECT ").append(i).append("\n----\n").append(i).append("\n\n");
    }
    SltScript after = SltParser.parse("a.test", text.toString());
    List<java.util.function.Predicate<SltRecord.Query>> chunks = SltSample.of(after, 0).chunks(2);
    assertEquals(3, chunks.size());
    List<SltRecord.Query> queries = after.records().stream().filter(r -> r instanceof SltRecord.Query)
        .map(r -> (SltRecord.Query) r).toList();
    assertEquals(List.of(2L, 2L, 1L), chunks.stream().map(c -> queries.stream().filter(c).count()).toList());
    assertEquals(queries.size(), queries.stream().filter(q -> chunks.stream().filter(c -> c.test(q)).count() == 1)
        .count());

    SltScript interleaved = SltParser.parse("b.test", text + "statement ok\nINSERT INTO t1 VALUES(1)\n\n"
        + "query I nosort\nSELECT 9\n----\n9\n");
    assertEquals(1, SltSample.of(interleaved, 0).chunks(2).size());
  }

  @Test
  void recognisesSqliteQuirksFromEddysRefusal() {
    io.eddy.common.error.EddyException grouped = new io.eddy.common.error.EddyException(
        io.eddy.common.error.ErrorCode.VALIDATION, "Expression 'cor0.col1' is not being grouped");
    assertEquals(true, SltQuirks.of("SELECT COALESCE(1, col1) FROM t GROUP BY col2", grouped).isPresent());
    io.eddy.common.error.EddyException syntax = new io.eddy.common.error.EddyException(
        io.eddy.common.error.ErrorCode.SYNTAX, "unexpected ')'");
    assertEquals(true, SltQuirks.of("SELECT 1 IN ()", syntax).isPresent());
    assertEquals(false, SltQuirks.of("SELECT 1 IN (2", syntax).isPresent());
    io.eddy.common.error.EddyException other = new io.eddy.common.error.EddyException(
        io.eddy.common.error.ErrorCode.VALIDATION, "Column 'x' not found");
    assertEquals(false, SltQuirks.of("SELECT x FROM t", other).isPresent());
  }
}
