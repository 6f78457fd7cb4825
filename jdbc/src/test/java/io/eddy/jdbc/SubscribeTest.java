package io.eddy.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SUBSCRIBE through JDBC: next() blocks until a change, cancel() and close() end it. */
class SubscribeTest {
  @TempDir Path dir;
  private final ExecutorService reader = Executors.newSingleThreadExecutor();
  private EddyDriver driver;
  private Connection writer;
  private Connection subscriber;

  @BeforeEach
  void setUp() throws SQLException {
    driver = new EddyDriver();
    writer = connect();
    subscriber = connect();
    try (Statement s = writer.createStatement()) {
      s.execute("CREATE STREAM bids (auction BIGINT, price BIGINT)");
      s.execute("CREATE VIEW hot AS SELECT auction, price FROM bids WHERE price > 5");
      s.executeUpdate("INSERT INTO bids VALUES (1, 10)");
    }
  }

  @AfterEach
  void tearDown() throws SQLException {
    reader.shutdownNow();
    subscriber.close();
    writer.close();
  }

  private Connection connect() throws SQLException {
    return driver.connect("jdbc:eddy:dir=" + dir, new Properties());
  }

  @Test
  void nextBlocksUntilAChangeArrivesFromAnotherConnection() throws Exception {
    try (Statement s = subscriber.createStatement();
        ResultSet rs = s.executeQuery("SUBSCRIBE TO hot")) {
      assertEquals("_time", rs.getMetaData().getColumnName(1));
      assertEquals("_diff", rs.getMetaData().getColumnName(2));
      assertEquals("auction", rs.getMetaData().getColumnName(3));
      assertTrue(rs.next(), "current contents come first");
      assertEquals(1L, rs.getLong("_diff"));
      assertEquals(10L, rs.getLong("price"));

      Future<Long> next = reader.submit(() -> rs.next() ? rs.getLong("price") : null);
      assertThrows(TimeoutException.class, () -> next.get(300, TimeUnit.MILLISECONDS),
          "next() must wait for a change");
      try (Statement w = writer.createStatement()) {
        w.executeUpdate("INSERT INTO bids VALUES (2, 25)");
      }
      assertEquals(25L, next.get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void oneChangeIsDeliveredWithoutWaitingForMore() throws Exception {
    try (Statement s = subscriber.createStatement()) {
      s.setFetchSize(100);
      ResultSet rs = s.executeQuery("SUBSCRIBE TO hot");
      assertTrue(reader.submit(rs::next).get(5, TimeUnit.SECONDS));
      try (Statement w = writer.createStatement()) {
        w.executeUpdate("INSERT INTO bids VALUES (3, 30)");
      }
      assertTrue(reader.submit(rs::next).get(5, TimeUnit.SECONDS));
      assertEquals(30L, rs.getLong("price"));
    }
  }

  @Test
  void cancelEndsABlockedNextWithSqlState57014() throws Exception {
    assertEndsABlockedNext(Statement::cancel);
  }

  @Test
  void closeEndsABlockedNext() throws Exception {
    assertEndsABlockedNext(Statement::close);
  }

  private interface Ender {
    void end(Statement s) throws SQLException;
  }

  /**
   * While another thread waits in next(), {@code ender} ends the statement; the reader then sees
   * the end (false) or SQLSTATE 57014, promptly.
   */
  private void assertEndsABlockedNext(Ender ender) throws Exception {
    Statement s = subscriber.createStatement();
    ResultSet rs = s.executeQuery("SUBSCRIBE TO hot");
    assertTrue(rs.next());
    Future<Boolean> next = reader.submit(rs::next);
    assertThrows(TimeoutException.class, () -> next.get(200, TimeUnit.MILLISECONDS));
    ender.end(s);
    try {
      assertFalse(next.get(5, TimeUnit.SECONDS));
    } catch (ExecutionException e) {
      SQLException cause = (SQLException) e.getCause();
      assertEquals("57014", cause.getSQLState(), cause.getMessage());
    }
    s.close();
  }

  @Test
  void statementIsReusableAfterACancelledSubscription() throws Exception {
    try (Statement s = subscriber.createStatement()) {
      s.executeQuery("SUBSCRIBE TO hot");
      s.cancel();
      try (ResultSet rs = s.executeQuery("SELECT * FROM hot")) {
        assertTrue(rs.next());
        assertFalse(rs.next());
      }
    }
  }
}
