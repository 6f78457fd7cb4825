package io.eddy.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.config.ServerConfig.ListenAddress;
import io.eddy.jdbc.EddyDriver;
import io.eddy.shell.server.EddyServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote JDBC against an in-process server (the child-process tests are in ServerProcessTest). */
class RemoteJdbcTest {
  private static final String TOKEN = "t0ken";
  private static final EddyDriver DRIVER = new EddyDriver();

  @TempDir
  static Path dir;
  static Engine engine;
  static EddyServer server;
  static String url;

  @BeforeAll
  static void start() throws SQLException {
    engine = Engine.open(new EngineConfig(dir, java.util.Map.of("log.fsync", "none")));
    server = EddyServer.start(engine, new ListenAddress("127.0.0.1", FreePort.find()), Optional.of(TOKEN));
    url = "jdbc:eddy:url=http://127.0.0.1:" + server.port() + ";token=" + TOKEN;
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      s.execute("CREATE STREAM bids (auction BIGINT, price DECIMAL(10, 2), ts TIMESTAMP(3))");
      s.execute("CREATE VIEW hot AS SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction");
      s.execute("INSERT INTO bids VALUES (1, 1.50, TIMESTAMP '2024-01-01 00:00:00'), "
          + "(2, 2.25, TIMESTAMP '2024-01-01 00:00:01')");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    engine.close();
  }

  static Connection connect(String u) throws SQLException {
    return DRIVER.connect(u, new Properties());
  }

  @Test
  void selectReturnsTypedRows() throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT auction, price, ts FROM bids WHERE auction < 3 ORDER BY auction")) {
      assertTrue(rs.next());
      assertEquals(1L, rs.getLong(1));
      assertEquals(new java.math.BigDecimal("1.50"), rs.getBigDecimal(2));
      assertTrue(rs.getString(3).startsWith("2024-01-01 00:00:00"), rs.getString(3));
      assertEquals("auction", rs.getMetaData().getColumnLabel(1));
      assertTrue(rs.next());
      assertFalse(rs.next());
    }
  }

  @Test
  void preparedStatementsBindParameters() throws SQLException {
    try (Connection c = connect(url);
        PreparedStatement p = c.prepareStatement("SELECT n FROM hot WHERE auction = ?")) {
      p.setLong(1, 2);
      try (ResultSet rs = p.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(1L, rs.getLong(1));
      }
    }
  }

  @Test
  void errorsKeepMessageAndSqlState() throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT prize FROM bids"));
      assertEquals("42S02", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().startsWith("column 'prize' not found"), e.getMessage());
      assertTrue(e.getMessage().contains("at line 1, column 8"), e.getMessage());
    }
  }

  @Test
  void metadataListsObjectsAndColumns() throws SQLException {
    try (Connection c = connect(url)) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, null, "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
        }
      }
      assertEquals(List.of("bids:STREAM", "hot:VIEW"), tables);
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, null, "hot", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME"));
        }
      }
      assertEquals(List.of("auction:BIGINT", "n:BIGINT"), columns);
    }
  }

  @Test
  void subscribeDeliversEachChangeWithoutWaitingForTheNext() throws SQLException {
    try (Connection reader = connect(url); Connection writer = connect(url);
        Statement sub = reader.createStatement(); Statement ins = writer.createStatement()) {
      ResultSet rs = sub.executeQuery("SUBSCRIBE TO hot");
      assertEquals("_time", rs.getMetaData().getColumnLabel(1));
      int initial = 0;
      ins.execute("INSERT INTO bids VALUES (77, 1.00, TIMESTAMP '2024-01-01 00:00:02')");
      while (rs.next()) {
        if (rs.getLong("auction") == 77) {
          break;
        }
        initial++;
      }
      assertEquals(2, initial);
      assertEquals(1L, rs.getLong("_diff"));
      assertEquals(1L, rs.getLong("n"));
      sub.cancel();
      SQLException e = assertThrows(SQLException.class, rs::next);
      assertEquals("57014", e.getSQLState());
    }
  }

  @Test
  void liveTableStatusComesThroughRemoteJdbc() throws SQLException {
    assertEquals("hot", QueryStatusPoller.subscribedView("SUBSCRIBE TO hot;"));
    assertEquals("Hot View", QueryStatusPoller.subscribedView("subscribe `Hot View`"));
    assertEquals(null, QueryStatusPoller.subscribedView("SUBSCRIBE (SELECT * FROM hot)"));
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      assertEquals("0 late rows", QueryStatusPoller.statusOf(s, "hot"), "no event time: no watermark");
      assertEquals(null, QueryStatusPoller.statusOf(s, "nothing"));
    }
  }

  @Test
  void wrongOrMissingTokenIsRefused() {
    String base = "jdbc:eddy:url=http://127.0.0.1:" + server.port();
    SQLException wrong = assertThrows(SQLException.class, () -> connect(base + ";token=nope"));
    assertEquals("28000", wrong.getSQLState());
    assertTrue(wrong.getMessage().contains("refused the request: wrong token"), wrong.getMessage());
    SQLException missing = assertThrows(SQLException.class, () -> connect(base));
    assertTrue(missing.getMessage().contains("it requires a token"), missing.getMessage());
  }

  @Test
  void urlPropertiesAreValidated() {
    SQLException e = assertThrows(SQLException.class, () -> connect(url + ";fetch=1"));
    assertTrue(e.getMessage().startsWith("unknown connection property fetch"), e.getMessage());
    SQLException bad = assertThrows(SQLException.class, () -> connect("jdbc:eddy:url=localhost"));
    assertTrue(bad.getMessage().contains("is not http://host:port"), bad.getMessage());
    SQLException down = assertThrows(SQLException.class, () -> connect("jdbc:eddy:url=http://127.0.0.1:1"));
    assertEquals("08001", down.getSQLState(), down.getMessage());
  }
}
