package io.eddy.engine.checkpoint;

import static io.eddy.engine.checkpoint.Queries.read;
import static io.eddy.engine.checkpoint.Queries.startedFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CheckpointRestartTest}'s restarts with every standing query run by 2 workers: each
 * worker's operator state is checkpointed between steps and restored into as many workers. A
 * checkpoint taken with another parallelism is not used (the parallelism is part of its
 * fingerprint): the query recomputes, with the same contents.
 */
class ParallelCheckpointRestartTest extends CheckpointRestartTest {
  @Override
  Map<String, String> settings(String interval) {
    return Map.of("checkpoint.interval", interval, "parallelism", "2");
  }

  @Test
  void aCheckpointOfOtherParallelismIsNotUsed() {
    String schema = "CREATE STREAM s (k BIGINT, v BIGINT) WITH (partitions = 3);"
        + "CREATE VIEW sums AS SELECT k, SUM(v) AS total, COUNT(*) AS n FROM s GROUP BY k;";
    List<String> before;
    try (Engine e = Engine.open(new EngineConfig(dir, Map.of("checkpoint.interval", "20ms")));
        Session s = e.openSession()) {
      s.executeScript(schema);
      s.execute("INSERT INTO s VALUES (1, 10), (2, 20), (3, 30), (1, 5), (4, 1), (5, 2), (6, 3)");
      before = read(s, "SELECT * FROM sums");
    }
    String[][] runs = {{"2", "recomputed"}, {"3", "recomputed"}, {"3", "checkpoint"}};
    for (String[] run : runs) {
      String n = run[0];
      try (Engine e = Engine.open(new EngineConfig(dir, Map.of("checkpoint.interval", "20ms", "parallelism", n)));
          Session s = e.openSession()) {
        assertEquals(before, read(s, "SELECT * FROM sums"), "parallelism " + n);
        s.execute("INSERT INTO s VALUES (7, 7)");
        before = read(s, "SELECT * FROM sums");
        assertEquals(read(s, "SELECT k, SUM(v), COUNT(*) FROM s GROUP BY k"), before);
        assertTrue(startedFrom(s, "sums").startsWith(run[1]),
            "parallelism " + n + ": " + startedFrom(s, "sums"));
      }
    }
  }
}
