package io.eddy.engine.checkpoint;

import static io.eddy.engine.checkpoint.Queries.read;
import static io.eddy.engine.checkpoint.Queries.startedFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engine checkpoints across clean restarts: views, a table's store and derived streams resume
 * from their checkpoints (SHOW QUERIES says so) with the same contents, keep only the newest two
 * checkpoints, ignore a checkpoint whose manifest fails its checksum (the previous one is used),
 * and a view over a derived stream sees every derived record exactly once.
 */
class CheckpointRestartTest {
  @TempDir Path dir;

  private static final String SCHEMA = "CREATE STREAM bids (auction BIGINT, price BIGINT) WITH (partitions = 2);"
      + "CREATE TABLE items (id BIGINT, name VARCHAR, PRIMARY KEY (id));"
      + "CREATE VIEW totals AS SELECT auction, COUNT(*) AS n, SUM(price) AS s, MAX(price) AS mx FROM bids GROUP BY auction;"
      + "CREATE VIEW named AS SELECT b.auction, i.name, b.price FROM bids b JOIN items i ON b.auction = i.id;"
      + "CREATE STREAM big WITH (partitions = 3) AS SELECT auction, price * 10 AS p10 FROM bids WHERE price > 2;"
      + "CREATE VIEW bigcount AS SELECT auction, COUNT(*) AS n, SUM(p10) AS s FROM big GROUP BY auction;";

  private Engine open(String interval) {
    return Engine.open(new EngineConfig(dir, Map.of("checkpoint.interval", interval)));
  }

  private static void insert(Session s, int from, int to) {
    StringBuilder sb = new StringBuilder("INSERT INTO bids VALUES ");
    for (int i = from; i < to; i++) {
      sb.append(i == from ? "" : ", ").append("(").append(i % 5).append(", ").append(i % 7).append(")");
    }
    s.execute(sb.toString());
  }

  private static List<List<String>> contents(Session s) {
    return List.of(read(s, "SELECT * FROM totals"), read(s, "SELECT * FROM named"), read(s, "SELECT * FROM big"),
        read(s, "SELECT * FROM bigcount"), read(s, "SELECT * FROM items"));
  }

  @Test
  void queriesResumeFromTheirCheckpointsWithTheSameContents() throws IOException {
    List<List<String>> before;
    try (Engine e = open("50ms"); Session s = e.openSession()) {
      s.executeScript(SCHEMA);
      s.execute("INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three')");
      insert(s, 0, 40);
      s.execute("INSERT INTO items VALUES (2, 'deux')");
      insert(s, 40, 60);
      before = contents(s);
    }
    try (Engine e = open("50ms"); Session s = e.openSession()) {
      for (String q : List.of("totals", "named", "big", "bigcount", "items")) {
        assertTrue(startedFrom(s, q).startsWith("checkpoint "), q + ": " + startedFrom(s, q));
      }
      assertEquals(before, contents(s));
      insert(s, 60, 90);
      before = contents(s);
      assertEquals(reference(90), read(s, "SELECT * FROM totals"));
      assertEquals(bigReference(90), read(s, "SELECT auction, COUNT(*), SUM(p10) FROM big GROUP BY auction"));
      assertEquals(bigReference(90), read(s, "SELECT * FROM bigcount"));
      assertTrue(String.join("\n", read(s, "EXPLAIN STATE totals")).contains("started from checkpoint"));
    }
    try (Engine e = open("50ms"); Session s = e.openSession()) {
      assertEquals(before, contents(s));
    }
    try (Stream<Path> dirs = Files.list(dir.resolve("checkpoints").resolve("totals"))) {
      assertEquals(2, dirs.count(), "only the newest two checkpoints are kept");
    }
  }

  @Test
  void aCorruptNewestManifestFallsBackToThePreviousCheckpoint() throws IOException {
    try (Engine e = open("20ms"); Session s = e.openSession()) {
      s.executeScript(SCHEMA);
      insert(s, 0, 30);
      contents(s);
    }
    Path totals = dir.resolve("checkpoints").resolve("totals");
    List<Path> ids;
    try (Stream<Path> dirs = Files.list(totals)) {
      ids = dirs.sorted().toList();
    }
    Path newest = ids.get(ids.size() - 1).resolve("manifest");
    Files.writeString(newest, Files.readString(newest).replace("time=", "time=1"));
    try (Engine e = open("20ms"); Session s = e.openSession()) {
      assertEquals("checkpoint " + Long.parseLong(ids.get(0).getFileName().toString()), startedFrom(s, "totals"));
      insert(s, 30, 50);
      assertEquals(reference(50), read(s, "SELECT * FROM totals"));
      assertEquals(bigReference(50), read(s, "SELECT * FROM bigcount"));
    }
  }

  @Test
  void withCheckpointsOffQueriesRecompute() {
    try (Engine e = open("0"); Session s = e.openSession()) {
      s.executeScript(SCHEMA);
      insert(s, 0, 20);
      assertEquals(reference(20), read(s, "SELECT * FROM totals"));
    }
    try (Engine e = open("0"); Session s = e.openSession()) {
      assertEquals("recomputed (checkpoints off)", startedFrom(s, "totals"));
      assertEquals(reference(20), read(s, "SELECT * FROM totals"));
    }
  }

  /** totals over rows 0..n-1. */
  private static List<String> reference(int n) {
    List<String> out = new ArrayList<>();
    for (int a = 0; a < 5; a++) {
      long count = 0;
      long sum = 0;
      long max = Long.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        if (i % 5 == a) {
          count++;
          sum += i % 7;
          max = Math.max(max, i % 7);
        }
      }
      if (count > 0) {
        out.add(Arrays.toString(new Object[] {(long) a, count, sum, max}));
      }
    }
    Collections.sort(out);
    return out;
  }

  /** bigcount over rows 0..n-1. */
  private static List<String> bigReference(int n) {
    List<String> out = new ArrayList<>();
    for (int a = 0; a < 5; a++) {
      long count = 0;
      long sum = 0;
      for (int i = 0; i < n; i++) {
        if (i % 5 == a && i % 7 > 2) {
          count++;
          sum += (i % 7) * 10L;
        }
      }
      if (count > 0) {
        out.add(Arrays.toString(new Object[] {(long) a, count, sum}));
      }
    }
    Collections.sort(out);
    return out;
  }
}
