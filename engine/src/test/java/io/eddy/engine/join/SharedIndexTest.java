package io.eddy.engine.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joins of one standing query that index the same rows on the same keys share one arrangement:
 * a self-join, and a view read twice (expanded once: identical sub-plans become one circuit node).
 * EXPLAIN STATE shows the arrangement once, its state is counted once, and the query's total state
 * is the arrangement plus the table's upsert state, half of what two private indexes would hold.
 */
class SharedIndexTest {
  @TempDir
  Path dir;

  @Test
  void selfJoinAndViewReadTwiceKeepOneIndex() {
    try (Engine engine = Engine.open(new EngineConfig(dir, Map.of("log.fsync", "none")));
        Session s = engine.openSession()) {
      s.execute("CREATE TABLE bids (id INT NOT NULL, auction INT, price BIGINT, PRIMARY KEY (id))");
      s.execute("CREATE TABLE other (id INT NOT NULL, auction INT, price BIGINT, PRIMARY KEY (id))");
      s.execute("CREATE VIEW pairs AS SELECT b1.id AS a, b2.id AS b FROM bids b1 JOIN bids b2 ON b1.auction = b2.auction");
      s.execute("CREATE VIEW cross_pairs AS SELECT b1.id AS a, b2.id AS b FROM bids b1 JOIN other b2 "
          + "ON b1.auction = b2.auction");
      s.execute("CREATE VIEW cheap AS SELECT id, auction FROM bids WHERE price < 1000");
      s.execute("CREATE VIEW cheap_pairs AS SELECT x.id AS a, y.id AS b FROM cheap x JOIN cheap y ON x.auction = y.auction");
      s.execute("INSERT INTO bids VALUES (1, 10, 100), (2, 10, 200), (3, 20, 50), (4, NULL, 70), (5, 30, 5000)");
      s.execute("INSERT INTO other VALUES (1, 10, 100), (2, 10, 200), (3, 20, 50), (4, NULL, 70), (5, 30, 5000)");

      List<String> pairs = explainState(s, "pairs");
      assertEquals(1, count(pairs, "Arrange("), String.join("\n", pairs));
      assertEquals(1, count(pairs, "Source(bids)"), String.join("\n", pairs));
      assertTrue(has(pairs, "Arrange(keys=[$1], shared by 2 join inputs) [state: 4 rows"), String.join("\n", pairs));
      assertTrue(has(pairs, "Join(INNER, $1 = $1, both inputs read one shared arrangement) [state: 0 rows"),
          String.join("\n", pairs));
      // upsert state 5 rows + one index of the 4 rows with a key, where two tables need two indexes
      assertEquals(9, stateRows(pairs));
      assertEquals(18, stateRows(explainState(s, "cross_pairs")));

      List<String> cheap = explainState(s, "cheap_pairs");
      assertEquals(1, count(cheap, "Arrange("), String.join("\n", cheap));
      assertEquals(1, count(cheap, "Source(bids)"), String.join("\n", cheap));
      assertEquals(5 + 3, stateRows(cheap), String.join("\n", cheap));
      assertEquals(List.of(List.of(1, 1), List.of(1, 2), List.of(2, 1), List.of(2, 2), List.of(3, 3)),
          rows(s, "SELECT * FROM cheap_pairs ORDER BY a, b"));

      s.execute("DELETE FROM bids WHERE id = 1");
      assertEquals(List.of(List.of(2, 2), List.of(3, 3)), rows(s, "SELECT * FROM cheap_pairs ORDER BY a, b"));
      assertEquals(4 + 2, stateRows(explainState(s, "cheap_pairs")));
    }
  }

  private static List<String> explainState(Session s, String view) {
    return ((Result.Rows) s.execute("EXPLAIN STATE " + view)).rows().stream().map(r -> (String) r[0]).toList();
  }

  private static List<List<Object>> rows(Session s, String sql) {
    return ((Result.Rows) s.execute(sql)).rows().stream().map(List::of).toList();
  }

  private static long count(List<String> lines, String text) {
    return lines.stream().filter(l -> l.contains(text)).count();
  }

  private static boolean has(List<String> lines, String text) {
    return count(lines, text) > 0;
  }

  private static long stateRows(List<String> lines) {
    String total = lines.stream().filter(l -> l.contains("total state: ")).findFirst().orElseThrow();
    return Long.parseLong(total.substring(total.indexOf("total state: ") + 13, total.indexOf(" rows")));
  }
}
