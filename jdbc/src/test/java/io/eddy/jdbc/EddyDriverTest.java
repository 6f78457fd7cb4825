package io.eddy.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EddyDriverTest {
  @TempDir Path dir;
  private final List<Path> opened = new ArrayList<>();
  private EddyDriver driver;

  /** A driver over the real engine that records which directories it opened. */
  @BeforeEach
  void setUp() {
    driver = new EddyDriver(d -> {
      opened.add(d);
      return EngineOpener.embedded().open(d);
    });
  }

  private Connection connect() throws SQLException {
    return driver.connect("jdbc:eddy:dir=" + dir, new Properties());
  }

  @Test
  void driverManagerFindsTheDriverForEddyUrls() throws SQLException {
    assertInstanceOf(EddyDriver.class, DriverManager.getDriver("jdbc:eddy:dir=" + dir));
    assertNull(driver.connect("jdbc:other:x", new Properties()));
  }

  @Test
  void ddlThenPreparedInsertThenSelect() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      assertEquals(0, s.executeUpdate(
          "CREATE STREAM bids (auction BIGINT, price BIGINT, ts TIMESTAMP(3))"));
      assertEquals("CREATE STREAM", s.unwrap(EddyStatementInfo.class).statusMessage());
      assertEquals(1, s.executeUpdate(
          "INSERT INTO bids VALUES (7, 100, TIMESTAMP '2024-05-01 10:00:00')"));
      assertEquals("INSERT 1", s.unwrap(EddyStatementInfo.class).statusMessage());
      try (ResultSet rs = s.executeQuery("SELECT * FROM bids")) {
        assertEquals("ts", rs.getMetaData().getColumnName(3));
        assertEquals(java.sql.Types.TIMESTAMP, rs.getMetaData().getColumnType(3));
        assertTrue(rs.next());
        assertEquals(7L, rs.getObject(1));
        assertEquals(100L, rs.getLong("price"));
        assertEquals(Timestamp.valueOf("2024-05-01 10:00:00"), rs.getTimestamp(3));
        assertInstanceOf(Timestamp.class, rs.getObject(3));
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void preparedSelectBindsParameters() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE STREAM bids (auction BIGINT, price BIGINT)");
      s.executeUpdate("INSERT INTO bids VALUES (1, 10), (2, 20)");
      try (PreparedStatement p = c.prepareStatement("SELECT price FROM bids WHERE auction = ?")) {
        assertEquals(1, p.getParameterMetaData().getParameterCount());
        p.setInt(1, 2);
        try (ResultSet rs = p.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(20L, rs.getLong(1));
          assertFalse(rs.next());
        }
      }
    }
  }

  @Test
  void preparedInsertBindsParameters() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE STREAM bids (auction BIGINT, price BIGINT, ts TIMESTAMP(3))");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO bids VALUES (?, ?, ?)")) {
        assertEquals(3, p.getParameterMetaData().getParameterCount());
        p.setLong(1, 7);
        p.setInt(2, 100);
        p.setTimestamp(3, Timestamp.valueOf("2024-05-01 10:00:00"));
        assertEquals(1, p.executeUpdate());
        assertEquals("INSERT 1", p.unwrap(EddyStatementInfo.class).statusMessage());
      }
      try (ResultSet rs = s.executeQuery("SELECT ts FROM bids")) {
        assertTrue(rs.next());
        assertEquals(Timestamp.valueOf("2024-05-01 10:00:00"), rs.getTimestamp(1));
      }
    }
  }

  @Test
  void parameterOfTheWrongTypeIsADataError() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE STREAM t (n BIGINT)");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?)")) {
        p.setString(1, "seven");
        SQLException e = assertThrows(SQLException.class, p::executeUpdate);
        assertEquals("22000", e.getSQLState());
      }
    }
  }

  @Test
  void syntaxErrorCarriesSqlStateAndCaretButNoWrapping() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.execute("SELEKT 1"));
      assertEquals("42000", e.getSQLState());
      assertTrue(e.getMessage().contains(" at line 1, column 1\nSELEKT 1\n^"), e.getMessage());
      assertFalse(e.getMessage().contains("Error while executing"), e.getMessage());
      SQLException p = assertThrows(SQLException.class, () -> c.prepareStatement("SELEKT 1"));
      assertEquals("42000", p.getSQLState());
    }
  }

  @Test
  void unknownUrlPropertyIsRefused() {
    SQLException e = assertThrows(SQLException.class,
        () -> driver.connect("jdbc:eddy:dir=" + dir + ";dri=x", new Properties()));
    assertEquals("HY000", e.getSQLState());
    assertTrue(e.getMessage().contains("unknown connection property dri"), e.getMessage());
    assertTrue(opened.isEmpty());
  }

  @Test
  void connectionsShareOneEngineUntilTheLastCloses() throws SQLException {
    Connection a = connect();
    Connection b = driver.connect("jdbc:eddy:dir=" + dir + "/./", new Properties());
    assertEquals(1, opened.size());
    assertEquals(1, driver.openEngines());
    a.close();
    assertEquals(1, driver.openEngines());
    b.close();
    assertEquals(0, driver.openEngines());
    try (Connection again = connect()) {
      assertEquals(2, opened.size(), "the last close closed the engine; a new one reopens it");
    }
  }

  @Test
  void metadataListsStreamsViewsAndColumns() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE STREAM bids (auction BIGINT, price DECIMAL(10, 2))");
      s.execute("CREATE VIEW hot AS SELECT auction, MAX(price) AS top FROM bids GROUP BY auction");
      var md = c.getMetaData();
      assertEquals("`", md.getIdentifierQuoteString());
      assertEquals(List.of("bids:STREAM", "hot:VIEW"), tables(md.getTables(null, null, "%", null)));
      assertEquals(List.of("hot:VIEW"), tables(md.getTables(null, null, "h_t", new String[] {"VIEW"})));
      assertEquals(List.of("STREAM", "TABLE", "VIEW"), column(md.getTableTypes(), "TABLE_TYPE"));
      try (ResultSet rs = md.getColumns(null, null, "BIDS", "pr%")) {
        assertTrue(rs.next());
        assertEquals("price", rs.getString("COLUMN_NAME"));
        assertEquals(java.sql.Types.DECIMAL, rs.getInt("DATA_TYPE"));
        assertEquals(2, rs.getInt("ORDINAL_POSITION"));
        assertFalse(rs.next());
      }
    }
  }

  private static List<String> tables(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    while (rs.next()) {
      out.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
    }
    return out;
  }

  private static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> out = new ArrayList<>();
    while (rs.next()) {
      out.add(rs.getString(name));
    }
    return out;
  }
}
