package io.eddy.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eddy.common.error.EddyException;
import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loading the peer's CSV straight into the streams gives the rows that parsing it into events gives. */
class NexmarkLoadTest {
  private static final String[] TABLES = {
      "SELECT * FROM person ORDER BY id", "SELECT * FROM auction ORDER BY id",
      "SELECT * FROM bid ORDER BY `dateTime`, auction, bidder, price, channel, url, extra"};

  @TempDir Path dir;

  @Test
  void directLoadEqualsEventByEventAppend() {
    Path csv = dir.resolve("events.csv");
    NexmarkCsvFile.write(csv, 20_000, NexmarkConfig.defaults());
    List<List<String>> viaEvents;
    try (Engine engine = open("a"); Session s = engine.openSession()) {
      try (StreamAppender out = new StreamAppender(engine, 3000)) {
        assertEquals(20_000, NexmarkCsvFile.read(csv, out::add));
      }
      viaEvents = contents(s);
    }
    try (Engine engine = open("b"); Session s = engine.openSession()) {
      try (StreamAppender out = new StreamAppender(engine, 3000)) {
        assertEquals(20_000, NexmarkCsvFile.load(csv, out));
        assertEquals(20_000, out.appended() + pendingOf(out));
      }
      assertSameRows(viaEvents, contents(s));
    }
    assertEquals(List.of(400, 1200, 18_400), viaEvents.stream().map(List::size).toList());
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 7, 42})
  void generatorAppendsTheEventsItReturns(long seed) {
    List<List<String>> viaEvents;
    try (Engine engine = open("g1"); Session s = engine.openSession()) {
      NexmarkGenerator gen = new NexmarkGenerator(NexmarkConfig.defaults().withSeed(seed));
      try (StreamAppender out = new StreamAppender(engine, 3000)) {
        for (int i = 0; i < 20_000; i++) {
          out.add(gen.next());
        }
      }
      viaEvents = contents(s);
    }
    try (Engine engine = open("g2"); Session s = engine.openSession()) {
      NexmarkGenerator gen = new NexmarkGenerator(NexmarkConfig.defaults().withSeed(seed));
      try (StreamAppender out = new StreamAppender(engine, 3000)) {
        for (int i = 0; i < 20_000; i++) {
          gen.appendNext(out);
        }
      }
      assertSameRows(viaEvents, contents(s));
    }
    assertEquals(List.of(400, 1200, 18_400), viaEvents.stream().map(List::size).toList());
  }

  @Test
  void aMalformedLineAddsNoRowAndNamesItsLine() throws Exception {
    Path csv = dir.resolve("bad.csv");
    StringBuilder sb = new StringBuilder();
    NexmarkCsv writer = new NexmarkCsv();
    NexmarkGenerator gen = new NexmarkGenerator(NexmarkConfig.defaults());
    for (int i = 0; i < 60; i++) {
      writer.write(gen.next(), sb);
    }
    String good = sb.toString();
    String bid = good.lines().filter(l -> l.startsWith("2")).findFirst().orElseThrow();
    String broken = bid.replaceFirst("^2,,,,,,,,,,,,,,,,,,,(\\d+),", "2,,,,,,,,,,,,,,,,,,,$1x,");
    Files.writeString(csv, good + broken + "\n", StandardCharsets.US_ASCII);
    try (Engine engine = open("c"); Session s = engine.openSession()) {
      StreamAppender out = new StreamAppender(engine, 1000);
      EddyException e = assertThrows(EddyException.class, () -> NexmarkCsvFile.load(csv, out));
      assertEquals("Nexmark CSV line 61: For input string: \"" + broken.split(",")[19] + "\"", e.reason());
      out.flush();
      assertEquals(List.of(2, 6, 52), contents(s).stream().map(List::size).toList(),
          "the 60 good events are all there and nothing of the bad one");
    }
  }

  private static long pendingOf(StreamAppender out) {
    long pending = 0;
    for (Event.Kind k : Event.Kind.values()) {
      pending += out.row(k).pending();
    }
    return pending;
  }

  private Engine open(String name) {
    Engine engine = Engine.open(new EngineConfig(dir.resolve(name), Map.of("log.fsync", "none")));
    try (Session s = engine.openSession()) {
      s.executeScript(NexmarkQuery.schema(2));
    }
    return engine;
  }

  /** Equal contents, a difference reported as its table and first differing row (not all 20,000). */
  private static void assertSameRows(List<List<String>> expected, List<List<String>> actual) {
    for (int t = 0; t < TABLES.length; t++) {
      List<String> want = expected.get(t);
      List<String> got = actual.get(t);
      for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
        assertEquals(want.get(i), got.get(i), TABLES[t] + ", row " + i);
      }
      assertEquals(want.size(), got.size(), TABLES[t] + ": rows");
    }
  }

  private static List<List<String>> contents(Session s) {
    List<List<String>> out = new ArrayList<>();
    for (String q : TABLES) {
      List<String> rows = new ArrayList<>();
      for (Object[] row : ((Result.Rows) s.execute(q)).rows()) {
        rows.add(Arrays.toString(row));
      }
      out.add(rows);
    }
    return out;
  }
}
