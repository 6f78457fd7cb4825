package io.eddy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path once: DDL, inserts, a view, snapshots, a subscription, a restart. */
class EngineSmokeTest {
  @TempDir Path dir;

  private static List<String> rows(Result r) {
    return ResultRows.of(r);
  }

  @Test
  void standingQueryEndToEnd() throws Exception {
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      s.executeScript("CREATE STREAM bids (auction BIGINT, price BIGINT, bidder VARCHAR);"
          + "INSERT INTO bids VALUES (1, 20, 'a'), (1, 30, 'b'), (2, 5, 'c');"
          + "CREATE VIEW hot AS SELECT auction, COUNT(*) AS n, SUM(price) AS total FROM bids "
          + "WHERE price > 10 GROUP BY auction");
      assertEquals(List.of("[1, 2, 50]"), rows(s.execute("SELECT * FROM hot ORDER BY auction")));
      Subscription sub = (Subscription) s.execute("SUBSCRIBE TO hot");
      Change first = sub.poll(5, TimeUnit.SECONDS);
      assertEquals("[1, 2, 50]", Arrays.toString(first.row()));
      s.execute("INSERT INTO bids VALUES (2, 40, 'd')");
      assertEquals(List.of("[1, 2, 50]", "[2, 1, 40]"), rows(s.execute("SELECT * FROM hot ORDER BY auction")));
      Change next = sub.poll(5, TimeUnit.SECONDS);
      assertEquals("[2, 1, 40]", Arrays.toString(next.row()));
      assertEquals(1, next.diff());
      sub.close();
    }
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      assertEquals(List.of("[1, 2, 50]", "[2, 1, 40]"), rows(s.execute("SELECT * FROM hot ORDER BY auction")));
      EddyException e = assertThrows(EddyException.class, () -> s.execute("DROP STREAM bids"));
      assertEquals(ErrorCode.DEPENDENCY, e.code());
      assertTrue(e.getMessage().contains("hot"), e.getMessage());
    }
  }

  @Test
  void tablesUpsertAndDelete() {
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      s.executeScript("CREATE TABLE users (id BIGINT, name VARCHAR, city VARCHAR, PRIMARY KEY (id));"
          + "CREATE VIEW per_city AS SELECT city, COUNT(*) AS n FROM users GROUP BY city;"
          + "INSERT INTO users VALUES (1, 'ann', 'oslo'), (2, 'bob', 'oslo'), (3, 'cy', 'rome');"
          + "INSERT INTO users VALUES (2, 'bob', 'rome');"
          + "DELETE FROM users WHERE id = 1");
      assertEquals(List.of("[rome, 2]"), rows(s.execute("SELECT * FROM per_city ORDER BY city")));
      assertEquals(List.of("[2, bob, rome]", "[3, cy, rome]"), rows(s.execute("SELECT * FROM users ORDER BY id")));
    }
  }

  @Test
  void derivedStreamIsNotWrittenTwiceAfterRestart() {
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      s.executeScript("CREATE STREAM bids (auction BIGINT, price BIGINT);"
          + "CREATE STREAM big AS SELECT auction, price FROM bids WHERE price > 10;"
          + "INSERT INTO bids VALUES (1, 20), (2, 5), (3, 30)");
      assertEquals(List.of("[2]"), rows(s.execute("SELECT COUNT(*) FROM big")));
    }
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      s.execute("INSERT INTO bids VALUES (4, 40)");
      assertEquals(List.of("[1, 20]", "[3, 30]", "[4, 40]"), rows(s.execute("SELECT * FROM big ORDER BY auction")));
    }
  }
}
