package io.eddy.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.jdbc.EddyDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eddy server --config} in a child process, driven through remote JDBC: queries,
 * subscription latency, restart, {@code --plan}, and refused configs.
 */
class ServerProcessTest {
  private static final String TOKEN = "secret";
  private static final int CHANGES = 100;
  private static final String STREAM = """
        - |
          CREATE STREAM bids (auction BIGINT, price BIGINT)
      """;
  private static final String HOT = """
        - |
          CREATE VIEW hot AS
            SELECT auction, COUNT(*) AS n, SUM(price) AS total FROM bids GROUP BY auction
      """;
  private final EddyDriver driver = new EddyDriver();

  @TempDir
  Path dir;

  private Path config(String listen, String token, String statements) throws IOException {
    return Files.writeString(dir.resolve("eddy.yaml"), "engine:\n  data-dir: data\n  fsync: none\n"
        + "server:\n  listen: " + listen + "\n" + (token == null ? "" : "  token: " + token + "\n")
        + "statements:\n" + statements);
  }

  private Connection connect(int port) throws SQLException {
    return driver.connect("jdbc:eddy:url=http://127.0.0.1:" + port + ";token=" + TOKEN,
        new Properties());
  }

  @Test
  void servesRestartsAndPlans() throws Exception {
    int port = FreePort.find();
    config("127.0.0.1:" + port, TOKEN, STREAM + HOT);
    List<String> before;
    try (ServerProcess server = ServerProcess.start(dir, "server", "--config", "eddy.yaml")) {
      String out = server.awaitOutput("listening on", 120);
      assertTrue(out.contains("eddy server: stream bids: new\neddy server: view hot: new\n"), out);
      try (Connection c = connect(port); Statement s = c.createStatement()) {
        s.execute("INSERT INTO bids VALUES (1, 10), (1, 20), (2, 5)");
        assertEquals(List.of("1,2,30", "2,1,5"), rows(s, "SELECT * FROM hot ORDER BY auction"));
      }
      measureSubscriptionLatency(port);
      SQLException wrong = assertThrows(SQLException.class, () -> driver.connect(
          "jdbc:eddy:url=http://127.0.0.1:" + port + ";token=nope", new Properties()));
      assertEquals("28000", wrong.getSQLState());
      try (Connection c = connect(port); Statement s = c.createStatement()) {
        before = rows(s, "SELECT * FROM hot ORDER BY auction");
      }
    }
    assertEquals(2 + 2 * CHANGES, before.size());
    try (ServerProcess server = ServerProcess.start(dir, "server", "--config", "eddy.yaml")) {
      String out = server.awaitOutput("listening on", 120);
      assertTrue(out.contains("eddy server: stream bids: kept\neddy server: view hot: kept\n"), out);
      try (Connection c = connect(port); Statement s = c.createStatement()) {
        assertEquals(before, rows(s, "SELECT * FROM hot ORDER BY auction"));
      }
    }
    String catalog = Files.readString(dir.resolve("data/catalog.json"));
    config("127.0.0.1:" + port, TOKEN, STREAM + """
          - CREATE VIEW hot AS SELECT auction, MAX(price) AS top FROM bids GROUP BY auction
          - CREATE VIEW big AS SELECT * FROM hot WHERE top > 100
        """);
    ServerProcess plan = ServerProcess.start(dir, "server", "--config", "eddy.yaml", "--plan");
    assertEquals(0, plan.exitStatus(120), plan.err());
    assertEquals("stream bids: kept\nview hot: rebuilt from the retained log (definition changed)\n"
        + "view big: new\n", plan.out());
    assertEquals(catalog, Files.readString(dir.resolve("data/catalog.json")), "--plan applies nothing");
  }

  /**
   * Changes from INSERTs on one connection to a subscriber on another that waits in next(), as a
   * live client does. Prints p50/p99 of: INSERT issued -> change visible to the subscriber,
   * INSERT acknowledged -> visible (negative: seen before the acknowledgement arrived), the
   * INSERT round trip (prepared, and plain: that one plans the statement each time), and the
   * round trip of a request that does no work (the HTTP floor).
   */
  private void measureSubscriptionLatency(int port) throws Exception {
    try (Connection reader = connect(port); Connection writer = connect(port);
        Statement sub = reader.createStatement(); Statement plain = writer.createStatement();
        PreparedStatement insert = writer.prepareStatement("INSERT INTO bids VALUES (?, 1)")) {
      ResultSet rs = sub.executeQuery("SUBSCRIBE TO hot");
      assertTrue(rs.next());
      assertTrue(rs.next()); // the two groups so far
      long[] visible = new long[CHANGES];
      long[] afterAck = new long[CHANGES];
      long[] prepared = new long[CHANGES];
      long[] planned = new long[CHANGES];
      long[] empty = new long[CHANGES];
      try (SubscriptionLatency latency = new SubscriptionLatency(() -> nextNewAuction(rs))) {
        for (int i = 0; i < CHANGES; i++) {
          long start = System.nanoTime();
          insert.setLong(1, 1000 + i);
          insert.executeUpdate();
          long acked = System.nanoTime();
          long seen = latency.arrival(1000 + i);
          prepared[i] = acked - start;
          visible[i] = seen - start;
          afterAck[i] = seen - acked;
        }
        for (int i = 0; i < CHANGES; i++) {
          long start = System.nanoTime();
          plain.execute("INSERT INTO bids VALUES (" + (2000 + i) + ", 1)");
          planned[i] = System.nanoTime() - start;
          latency.arrival(2000 + i);
        }
        for (int i = 0; i < CHANGES; i++) {
          long start = System.nanoTime();
          writer.getMetaData().getTableTypes().close();
          empty[i] = System.nanoTime() - start;
        }
        sub.cancel();
      }
      System.out.println("remote SUBSCRIBE latency over " + CHANGES + " changes (subscriber waiting "
          + "in next()): INSERT issued -> visible " + SubscriptionLatency.percentiles(visible)
          + "; acknowledged -> visible " + SubscriptionLatency.percentiles(afterAck)
          + "; round trips: prepared INSERT " + SubscriptionLatency.percentiles(prepared)
          + ", plain INSERT (planned each time) " + SubscriptionLatency.percentiles(planned)
          + ", empty request " + SubscriptionLatency.percentiles(empty));
    }
  }

  /** The auction of the next change that adds a row (new auctions arrive as +1 only). */
  private static long nextNewAuction(ResultSet rs) throws SQLException {
    while (rs.next()) {
      if (rs.getLong("_diff") > 0) {
        return rs.getLong("auction");
      }
    }
    throw new SQLException("the subscription ended");
  }

  @Test
  void nonLoopbackWithoutTokenIsRefused() throws Exception {
    config("0.0.0.0:" + FreePort.find(), null, STREAM);
    ServerProcess server = ServerProcess.start(dir, "server", "--config", "eddy.yaml");
    assertEquals(1, server.exitStatus(120));
    assertTrue(server.err().contains("requires a token in eddy.yaml at line 5"), server.err());
    assertFalse(Files.exists(dir.resolve("data")), "nothing may be created");
  }

  @Test
  void badSqlIsRefusedWithItsLine() throws Exception {
    config("127.0.0.1:" + FreePort.find(), null, STREAM + """
          - |
            CREATE VIEW hot AS
              SELECT auction, prize FROM bids
        """);
    ServerProcess server = ServerProcess.start(dir, "server", "--config", "eddy.yaml");
    assertEquals(1, server.exitStatus(120));
    assertTrue(server.err().contains("(statement 2) in eddy.yaml at line 11, column 23"), server.err());
    assertFalse(Files.exists(dir.resolve("data/catalog.json")), "nothing may be applied");
  }

  private static List<String> rows(Statement s, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cells.add(rs.getString(i));
        }
        rows.add(String.join(",", cells));
      }
    }
    return rows;
  }
}
