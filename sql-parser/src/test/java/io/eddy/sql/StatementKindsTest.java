package io.eddy.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.SourceSpan;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.sql.ast.ColumnDef;
import io.eddy.sql.ast.Copy;
import io.eddy.sql.ast.CreateStream;
import io.eddy.sql.ast.CreateStreamAs;
import io.eddy.sql.ast.CreateTable;
import io.eddy.sql.ast.CreateView;
import io.eddy.sql.ast.Delete;
import io.eddy.sql.ast.Update;
import io.eddy.sql.ast.Describe;
import io.eddy.sql.ast.Drop;
import io.eddy.sql.ast.EmitPolicy;
import io.eddy.sql.ast.Explain;
import io.eddy.sql.ast.Identifier;
import io.eddy.sql.ast.Insert;
import io.eddy.sql.ast.ObjectKind;
import io.eddy.sql.ast.QueryText;
import io.eddy.sql.ast.Select;
import io.eddy.sql.ast.SetOption;
import io.eddy.sql.ast.Show;
import io.eddy.sql.ast.Subscribe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every statement kind parses into the right record with the right fields and spans. */
class StatementKindsTest {

  @Test
  void createStreamWithEveryTypeWatermarkAndOptions() {
    String sql = """
        create stream if not exists Bids (
          ok BOOLEAN, t TINYINT, s SMALLINT, i INT, j INTEGER NOT NULL, b BIGINT NULL,
          f FLOAT, r REAL, d DOUBLE PRECISION, m DECIMAL(10, 2), n NUMERIC(5),
          v VARCHAR(20), w VARCHAR, str STRING, c CHAR(3), `dateTime` TIMESTAMP(3), ts TIMESTAMP, day DATE,
          WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
        ) WITH (partitions = 4, 'kafka.bootstrap.servers' = 'h:9092', Format = json, retention.ms = -1)""";

    CreateStream s = assertInstanceOf(CreateStream.class, StatementParser.parseOne(sql));

    assertEquals("Bids", s.name().name());
    assertTrue(s.ifNotExists());
    assertEquals(List.of(
        SqlType.of(TypeKind.BOOLEAN), SqlType.of(TypeKind.INT), SqlType.of(TypeKind.INT), SqlType.of(TypeKind.INT),
        SqlType.of(TypeKind.INT).withNullable(false), SqlType.of(TypeKind.BIGINT),
        SqlType.of(TypeKind.DOUBLE), SqlType.of(TypeKind.DOUBLE), SqlType.of(TypeKind.DOUBLE),
        SqlType.decimal(10, 2), SqlType.decimal(5, 0),
        new SqlType(TypeKind.VARCHAR, 20, 0, true), SqlType.of(TypeKind.VARCHAR), SqlType.of(TypeKind.VARCHAR),
        new SqlType(TypeKind.VARCHAR, 3, 0, true), new SqlType(TypeKind.TIMESTAMP, 3, 0, true),
        new SqlType(TypeKind.TIMESTAMP, 3, 0, true), SqlType.of(TypeKind.DATE)),
        s.columns().stream().map(ColumnDef::type).toList());
    assertEquals("dateTime", s.columns().get(15).name().name());
    assertEquals("dateTime", s.watermark().orElseThrow().column().name());
    assertEquals(4_000, s.watermark().orElseThrow().delayMillis());
    assertEquals(Map.of("partitions", "4", "kafka.bootstrap.servers", "h:9092", "format", "json",
        "retention.ms", "-1"), s.options().values());
    assertEquals(List.of("partitions", "kafka.bootstrap.servers", "format", "retention.ms"),
        List.copyOf(s.options().values().keySet()));
    assertEquals(new SourceSpan(1, 1, 6, 95), s.span());
    assertEquals(sql, s.text());
  }

  @Test
  void watermarkUnitsAndZeroDelay() {
    assertEquals(250, delay("INTERVAL '250' MILLISECONDS"));
    assertEquals(1_500, delay("INTERVAL '1.5' SECOND"));
    assertEquals(120_000, delay("INTERVAL '2' MINUTES"));
    assertEquals(3_600_000, delay("INTERVAL '1' HOUR"));
    assertEquals(172_800_000, delay("INTERVAL '2' DAYS"));
    CreateStream s = (CreateStream) StatementParser.parseOne(
        "CREATE STREAM s (ts TIMESTAMP(3), WATERMARK FOR ts AS ts)");
    assertEquals(0, s.watermark().orElseThrow().delayMillis());
  }

  private static long delay(String interval) {
    CreateStream s = (CreateStream) StatementParser.parseOne(
        "CREATE STREAM s (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - " + interval + ")");
    return s.watermark().orElseThrow().delayMillis();
  }

  @Test
  void createTableWithKeyClauseOrInlineKey() {
    CreateTable t = (CreateTable) StatementParser.parseOne(
        "CREATE TABLE users (id BIGINT, region VARCHAR, name VARCHAR, PRIMARY KEY (region, id)) WITH (format = 'json')");
    assertEquals(List.of("region", "id"), t.primaryKey().stream().map(Identifier::name).toList());
    assertFalse(t.columns().get(0).type().nullable(), "key columns are NOT NULL");
    assertTrue(t.columns().get(2).type().nullable());
    assertEquals("json", t.options().get("FORMAT").orElseThrow());
    assertFalse(t.ifNotExists());

    CreateTable inline = (CreateTable) StatementParser.parseOne("CREATE TABLE t (k INT PRIMARY KEY, v STRING)");
    assertEquals(List.of("k"), inline.primaryKey().stream().map(Identifier::name).toList());
  }

  @Test
  void createViewWithEmitPolicies() {
    CreateView changes = (CreateView) StatementParser.parseOne(
        "CREATE VIEW hot AS SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction");
    assertEquals(EmitPolicy.CHANGES, changes.emit());
    assertEquals(new QueryText("SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction", 1, 20), changes.query());

    CreateView explicit = (CreateView) StatementParser.parseOne("CREATE VIEW v AS SELECT 1 EMIT CHANGES");
    assertEquals(EmitPolicy.CHANGES, explicit.emit());
    assertEquals("SELECT 1", explicit.query().sql());

    CreateView onClose = (CreateView) StatementParser.parseOne("""
        CREATE VIEW IF NOT EXISTS w AS
          SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
          GROUP BY window_start, window_end
        EMIT ON WINDOW CLOSE;""");
    assertEquals(EmitPolicy.ON_WINDOW_CLOSE, onClose.emit());
    assertTrue(onClose.ifNotExists());
    assertEquals(2, onClose.query().line());
    assertEquals(3, onClose.query().column());
    assertTrue(onClose.query().sql().endsWith("window_end"), onClose.query().sql());
  }

  @Test
  void createStreamAsQuery() {
    CreateStreamAs s = (CreateStreamAs) StatementParser.parseOne(
        "CREATE STREAM big WITH (partitions = 2) AS SELECT * FROM bids WHERE price > 100");
    assertEquals("big", s.name().name());
    assertEquals("2", s.options().get("partitions").orElseThrow());
    assertEquals("SELECT * FROM bids WHERE price > 100", s.query().sql());

    CreateStreamAs plain = (CreateStreamAs) StatementParser.parseOne("CREATE STREAM s2 AS (SELECT 1)");
    assertEquals("(SELECT 1)", plain.query().sql());
  }

  @Test
  void insertValuesOrQueryWithOptionalColumns() {
    Insert values = (Insert) StatementParser.parseOne("INSERT INTO bids (auction, price) VALUES (1, 10), (?, ?)");
    assertEquals("bids", values.target().name());
    assertEquals(List.of("auction", "price"), values.columns().stream().map(Identifier::name).toList());
    assertEquals(new QueryText("VALUES (1, 10), (?, ?)", 1, 35), values.source());

    Insert query = (Insert) StatementParser.parseOne("INSERT INTO archive SELECT * FROM bids");
    assertEquals(List.of(), query.columns());
    assertEquals("SELECT * FROM bids", query.source().sql());

    Insert parenthesised = (Insert) StatementParser.parseOne("INSERT INTO archive (SELECT * FROM bids)");
    assertEquals(List.of(), parenthesised.columns());
  }

  @Test
  void deleteWithAndWithoutCondition() {
    Delete where = (Delete) StatementParser.parseOne("DELETE FROM users WHERE id = 3 AND (name <> 'x;y')");
    assertEquals("users", where.target().name());
    assertEquals(new QueryText("id = 3 AND (name <> 'x;y')", 1, 25), where.condition().orElseThrow());

    Delete all = (Delete) StatementParser.parseOne("delete from users");
    assertTrue(all.condition().isEmpty());
  }

  @Test
  void updateAssignmentsEndAtTopLevelCommasAndWhere() {
    Update u = (Update) StatementParser.parseOne(
        "UPDATE users SET name = COALESCE(a, 'x,y'), n = (SELECT MAX(x) FROM t WHERE y > 0) WHERE id = 3");
    assertEquals("users", u.target().name());
    assertEquals(2, u.assignments().size());
    assertEquals("name", u.assignments().get(0).column().name());
    assertEquals(new QueryText("COALESCE(a, 'x,y')", 1, 25), u.assignments().get(0).value());
    assertEquals("(SELECT MAX(x) FROM t WHERE y > 0)", u.assignments().get(1).value().sql());
    assertEquals(new QueryText("id = 3", 1, 90), u.condition().orElseThrow());
    assertEquals(1, u.statement().line());

    Update all = (Update) StatementParser.parseOne("update users set n = n + 1");
    assertTrue(all.condition().isEmpty());
    assertEquals("update users set n = n + 1", all.statement().sql());
  }

  @Test
  void dropShowDescribe() {
    Drop drop = (Drop) StatementParser.parseOne("DROP VIEW IF EXISTS hot");
    assertEquals(ObjectKind.VIEW, drop.kind());
    assertTrue(drop.ifExists());
    assertEquals("hot", drop.name().name());
    assertEquals(ObjectKind.STREAM, ((Drop) StatementParser.parseOne("drop stream s")).kind());
    assertEquals(ObjectKind.TABLE, ((Drop) StatementParser.parseOne("DROP TABLE t")).kind());

    for (Show.What what : Show.What.values()) {
      assertEquals(what, ((Show) StatementParser.parseOne("SHOW " + what.name().toLowerCase())).what());
    }
    Describe describe = (Describe) StatementParser.parseOne("DESCRIBE `My View`");
    assertEquals("My View", describe.name().name());
    assertEquals(new SourceSpan(1, 10, 1, 18), describe.name().span());
  }

  @Test
  void explainQueryOrName() {
    Explain plan = (Explain) StatementParser.parseOne("EXPLAIN SELECT * FROM bids");
    assertEquals(Explain.Kind.PLAN, plan.kind());
    assertEquals("SELECT * FROM bids", plan.query().orElseThrow().sql());

    Explain state = (Explain) StatementParser.parseOne("EXPLAIN STATE hot");
    assertEquals(Explain.Kind.STATE, state.kind());
    assertEquals("hot", state.view().orElseThrow().name());

    Explain named = (Explain) StatementParser.parseOne("EXPLAIN PLAN FOR hot");
    assertEquals("hot", named.view().orElseThrow().name());
  }

  @Test
  void selectWithAndValuesQueries() {
    Select select = (Select) StatementParser.parseOne("SELECT * FROM hot ORDER BY n DESC LIMIT 10");
    assertEquals("SELECT * FROM hot ORDER BY n DESC LIMIT 10", select.query().sql());
    assertInstanceOf(Select.class, StatementParser.parseOne("WITH x AS (SELECT 1 AS a) SELECT a FROM x"));
    assertInstanceOf(Select.class, StatementParser.parseOne("VALUES (1, 'a'), (2, 'b')"));
    assertInstanceOf(Select.class, StatementParser.parseOne("(SELECT 1) UNION ALL (SELECT 2)"));
  }

  @Test
  void subscribeToViewOrQuery() {
    assertEquals("hot", ((Subscribe) StatementParser.parseOne("SUBSCRIBE TO hot")).view().orElseThrow().name());
    assertEquals("hot", ((Subscribe) StatementParser.parseOne("SUBSCRIBE hot")).view().orElseThrow().name());
    Subscribe query = (Subscribe) StatementParser.parseOne("SUBSCRIBE (SELECT a FROM (SELECT 1 AS a) t)");
    assertEquals(new QueryText("SELECT a FROM (SELECT 1 AS a) t", 1, 12), query.query().orElseThrow());
  }

  @Test
  void setAndCopy() {
    SetOption set = (SetOption) StatementParser.parseOne("SET Checkpoint.Interval = '5 s'");
    assertEquals("checkpoint.interval", set.key());
    assertEquals("5 s", set.value());
    assertEquals("42", ((SetOption) StatementParser.parseOne("SET 'a.b' = 42")).value());

    Copy copy = (Copy) StatementParser.parseOne("COPY bids FROM '/tmp/it''s.csv' WITH (format = 'csv')");
    assertEquals("bids", copy.target().name());
    assertEquals("/tmp/it's.csv", copy.path());
    assertEquals("csv", copy.options().get("format").orElseThrow());
  }

  @Test
  void keywordsAsColumnNames() {
    CreateStream s = (CreateStream) StatementParser.parseOne(
        "CREATE STREAM s (key BIGINT, date DATE, state VARCHAR, `value` VARCHAR, window INT)");
    assertEquals(List.of("key", "date", "state", "value", "window"),
        s.columns().stream().map(c -> c.name().name()).toList());
  }
}
