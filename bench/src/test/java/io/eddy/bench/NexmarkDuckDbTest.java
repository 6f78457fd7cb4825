package io.eddy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.bench.nexmark.Event;
import io.eddy.bench.nexmark.NexmarkConfig;
import io.eddy.bench.nexmark.NexmarkGenerator;
import io.eddy.bench.nexmark.NexmarkQuery;
import io.eddy.bench.nexmark.StreamAppender;
import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Nexmark join queries (q3, q4, q7, q8, q9, q20) as standing views over 30 k generated events
 * (60 s of event time) equal DuckDB's answer to the same SQL run as a batch query over the same events. The DuckDB text
 * is the query's own, mechanically translated: backticks become double quotes and
 * {@code TABLE(TUMBLE(TABLE s, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))} becomes a view of
 * {@code s} with epoch-aligned {@code window_start}/{@code window_end}. The generator emits each
 * stream in event-time order, so no row is late and even the windowed queries (q7, q8) equal the
 * batch answer over every row, open windows included. q9's TOP-1 is compared on the columns its
 * ORDER BY decides (the auction, the price and the bid's time), since ties between bids with the
 * same price and time may be broken differently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NexmarkDuckDbTest {
  private static final long EVENTS = 30_000;
  /** 500 events per second of event time: 60 s, six 10 s windows. */
  private static final long RATE = 500;
  private static final List<String> QUERIES = List.of("q3", "q4", "q7", "q8", "q9", "q20");
  private static final Map<Event.Kind, List<String>> COLUMNS = new EnumMap<>(Map.of(
      Event.Kind.PERSON, List.of("id", "name", "emailAddress", "creditCard", "city", "state", "dateTime", "extra"),
      Event.Kind.AUCTION, List.of("id", "itemName", "description", "initialBid", "reserve", "dateTime", "expires",
          "seller", "category", "extra"),
      Event.Kind.BID, List.of("auction", "bidder", "price", "channel", "url", "dateTime", "extra")));

  private final Map<Event.Kind, List<Object[]>> rows = new EnumMap<>(Event.Kind.class);
  private Engine engine;
  private Session session;
  private Connection duck;

  @BeforeAll
  void load(@TempDir Path dir) throws SQLException {
    engine = Engine.open(EngineConfig.of(dir));
    session = engine.openSession();
    session.executeScript(NexmarkQuery.schema(1));
    for (String q : QUERIES) {
      NexmarkQuery query = NexmarkQuery.load(q);
      query.setup().forEach(session::execute);
      session.execute("CREATE VIEW nexmark_" + q + " AS " + query.select());
    }
    duck = DriverManager.getConnection("jdbc:duckdb:");
    StreamAppender appender = new StreamAppender(engine, 1000);
    NexmarkGenerator gen = new NexmarkGenerator(NexmarkConfig.defaults().withRate(RATE));
    for (long i = 0; i < EVENTS; i++) {
      Event e = gen.next();
      appender.add(e);
      rows.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e.row());
    }
    appender.flush();
    for (Event.Kind kind : Event.Kind.values()) {
      loadDuck(kind, rows.getOrDefault(kind, List.of()));
    }
  }

  @AfterAll
  void close() throws SQLException {
    duck.close();
    session.close();
    engine.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"q3", "q4", "q7", "q8", "q9", "q20"})
  void standingViewEqualsDuckDb(String q) throws SQLException {
    Result.Rows eddy = (Result.Rows) session.execute("SELECT * FROM nexmark_" + q);
    List<String> want = duckRows(duckText(NexmarkQuery.load(q).select()), q);
    List<String> got = eddy.rows().stream().map(r -> normalize(r, q)).sorted().toList();
    assertFalse(want.isEmpty(), q + " has no rows to compare on " + EVENTS + " events");
    assertEquals(want.size(), got.size(), q + " row count");
    assertEquals(String.join("\n", want), String.join("\n", got), q);
    System.out.println(q + ": " + got.size() + " rows equal DuckDB's");
  }

  @ParameterizedTest
  @ValueSource(strings = {"q7", "q8"})
  void windowedJoinsFreeStateByTheWatermark(String q) {
    Result.Rows plan = (Result.Rows) session.execute("EXPLAIN STATE nexmark_" + q);
    String text = plan.rows().stream().map(r -> String.valueOf(r[0])).collect(Collectors.joining("\n"));
    String join = text.lines().filter(l -> l.contains("Join(")).findFirst().orElse("");
    assertTrue(join.contains("bounded by the watermark"), text);
    // the join holds only the rows of the last windows, not every row it was given
    Matcher m = Pattern.compile("state: (\\d+) rows").matcher(join);
    assertTrue(m.find(), join);
    long held = Long.parseLong(m.group(1));
    long inputs = q.equals("q7") ? rows.get(Event.Kind.BID).size()
        : rows.get(Event.Kind.PERSON).size() + rows.get(Event.Kind.AUCTION).size();
    assertTrue(held * 3 < inputs, q + " join holds " + held + " rows of " + inputs + " inputs:\n" + text);
    System.out.println(q + ": join state " + held + " rows after " + inputs + " input rows");
  }

  /** The batch SQL for DuckDB: quoted identifiers, window TVFs as views with window columns. */
  private static String duckText(String select) {
    return select.replace('`', '"').replaceAll(
        "(?is)TABLE\\s*\\(\\s*TUMBLE\\s*\\(\\s*TABLE\\s+(\\w+)\\s*,\\s*DESCRIPTOR\\s*\\(\\s*\"dateTime\"\\s*\\)\\s*,"
            + "\\s*INTERVAL\\s*'10'\\s*SECOND\\s*\\)\\s*\\)", "$1_tumble10");
  }

  private void loadDuck(Event.Kind kind, List<Object[]> rows) throws SQLException {
    List<String> cols = COLUMNS.get(kind);
    String raw = kind.stream + "_raw";
    StringBuilder ddl = new StringBuilder("CREATE TABLE " + raw + " (");
    StringBuilder select = new StringBuilder("CREATE TABLE " + kind.stream + " AS SELECT ");
    for (int c = 0; c < cols.size(); c++) {
      boolean text = rows.get(0)[c] instanceof String;
      boolean time = cols.get(c).equals("dateTime") || cols.get(c).equals("expires");
      String q = '"' + cols.get(c) + '"';
      ddl.append(c == 0 ? "" : ", ").append(q).append(text ? " VARCHAR" : " BIGINT");
      select.append(c == 0 ? "" : ", ").append(time ? "make_timestamp(" + q + " * 1000) AS " + q : q);
    }
    try (Statement st = duck.createStatement()) {
      st.execute(ddl.append(")").toString());
      try (DuckDBAppender app = duck.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
          raw)) {
        for (Object[] row : rows) {
          app.beginRow();
          for (Object v : row) {
            if (v instanceof String s) {
              app.append(s);
            } else {
              app.append((Long) v);
            }
          }
          app.endRow();
        }
      }
      st.execute(select.append(" FROM ").append(raw).toString());
      st.execute("CREATE VIEW " + kind.stream + "_tumble10 AS SELECT *, make_timestamp((epoch_ms(\"dateTime\") // 10000)"
          + " * 10000000) AS window_start, make_timestamp((epoch_ms(\"dateTime\") // 10000 + 1) * 10000000) AS window_end"
          + " FROM " + kind.stream);
    }
  }

  private List<String> duckRows(String sql, String q) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          boolean time = rs.getMetaData().getColumnTypeName(i + 1).startsWith("TIMESTAMP");
          LocalDateTime t = time ? rs.getObject(i + 1, LocalDateTime.class) : null;
          row[i] = time ? (Object) (t == null ? null : t.toInstant(ZoneOffset.UTC).toEpochMilli()) : rs.getObject(i + 1);
        }
        out.add(normalize(row, q));
      }
    }
    out.sort(null);
    return out;
  }

  /** One row as text: numbers by value (doubles to 9 digits); q9 keeps the columns its ORDER BY decides. */
  private static String normalize(Object[] row, String q) {
    List<Object> values = new ArrayList<>(List.of(row));
    if (q.equals("q9")) {
      values = new ArrayList<>(values.subList(0, 10));
      values.add(row[12]);
      values.add(row[13]);
    }
    return values.stream().map(v -> {
      if (v instanceof Double d) {
        return String.format(Locale.ROOT, "%.9g", d);
      } else if (v instanceof Number n) {
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
      }
      return String.valueOf(v);
    }).collect(Collectors.joining(" | "));
  }
}
