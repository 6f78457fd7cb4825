package io.eddy.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live table's status text for a view over several event-time sources names each source's watermark. */
class QueryStatusPollerTest {
  @TempDir Path dir;

  @Test
  void statusNamesEachSourcesWatermarkWhenAViewReadsSeveral() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:eddy:dir=" + dir); Statement s = c.createStatement()) {
      for (String name : new String[] {"a", "b"}) {
        s.execute("CREATE STREAM " + name + " (k BIGINT, ts TIMESTAMP(3) NOT NULL, "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (partitions = 1)");
      }
      s.execute("CREATE VIEW j AS SELECT a.k FROM a JOIN b ON a.k = b.k");
      s.execute("CREATE VIEW only_a AS SELECT k FROM a");
      s.execute("INSERT INTO a VALUES (1, TIMESTAMP '2024-01-01 00:00:10')");
      s.execute("INSERT INTO b VALUES (1, TIMESTAMP '2024-01-01 00:00:30')");
      s.executeQuery("SELECT * FROM j").close();
      s.executeQuery("SELECT * FROM only_a").close();
      assertEquals("watermark 2024-01-01T00:00:09Z (a 2024-01-01T00:00:09Z, b 2024-01-01T00:00:29Z), 0 late rows",
          QueryStatusPoller.statusOf(s, "j"));
      assertEquals("watermark 2024-01-01T00:00:09Z, 0 late rows", QueryStatusPoller.statusOf(s, "only_a"));
    }
  }
}
