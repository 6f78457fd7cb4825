package io.eddy.engine.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SHOW QUERIES gives each event-time source's watermark, so a user can see which source holds a
 * query's time (the minimum) back.
 */
class SourceWatermarksTest {
  @TempDir Path dir;

  @Test
  void eachSourcesWatermarkIsShownNextToTheQuerysMinimum() {
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      s.executeScript("CREATE STREAM a (k BIGINT, ts TIMESTAMP(3) NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
          + " WITH (partitions = 1);"
          + "CREATE STREAM b (k BIGINT, ts TIMESTAMP(3) NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)"
          + " WITH (partitions = 1);"
          + "CREATE VIEW j AS SELECT a.k FROM a JOIN b ON a.k = b.k;"
          + "CREATE VIEW only_a AS SELECT k FROM a;");
      s.execute("INSERT INTO a VALUES (1, TIMESTAMP '2024-01-01 00:00:10')");
      s.execute("SELECT * FROM j");
      s.execute("SELECT * FROM only_a");
      assertEquals(List.of("none", "a 2024-01-01T00:00:09Z, b none"), status(s, "j"));
      assertEquals(List.of("2024-01-01T00:00:09Z", "a 2024-01-01T00:00:09Z"), status(s, "only_a"));

      s.execute("INSERT INTO b VALUES (1, TIMESTAMP '2024-01-01 00:00:20')");
      s.execute("SELECT * FROM j");
      assertEquals(List.of("2024-01-01T00:00:09Z", "a 2024-01-01T00:00:09Z, b 2024-01-01T00:00:18Z"), status(s, "j"));
    }
  }

  /** The query's watermark and source_watermarks columns. */
  private static List<String> status(Session s, String name) {
    Result.Rows r = (Result.Rows) s.execute("SHOW QUERIES");
    int wm = -1;
    int per = -1;
    for (int c = 0; c < r.columns().size(); c++) {
      String col = r.columns().get(c).name();
      wm = col.equals("watermark") ? c : wm;
      per = col.equals("source_watermarks") ? c : per;
    }
    for (Object[] row : r.rows()) {
      if (row[0].equals(name)) {
        return List.of((String) row[wm], (String) row[per]);
      }
    }
    throw new AssertionError("no query " + name);
  }
}
