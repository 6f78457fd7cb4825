package io.eddy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.bench.nexmark.Event;
import io.eddy.bench.nexmark.NexmarkConfig;
import io.eddy.bench.nexmark.NexmarkCsvFile;
import io.eddy.bench.nexmark.NexmarkGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10 k events through q0-q2 with the generator and from a CSV file: the counting sink must see
 * exactly the rows a direct computation over the same events gives. (Measures nothing.)
 */
class NexmarkSmokeTest {
  private static final long EVENTS = 10_000;

  @Test
  void generatedEventsThroughQ0ToQ2() {
    NexmarkRunner runner = new NexmarkRunner(options(null, null));
    Expected want = expected();

    QueryReport q0 = runner.run("q0");
    assertCounts(q0, want.bids);
    assertTrue(q0.jitS() >= 0, "the JIT's compile time over the run is measured: " + q0);
    // the run's CPU split: the generator's thread and the query's, each a part of the process's
    assertTrue(q0.genCpuS() > 0 && q0.queryCpuS() > 0, q0.toString());
    assertTrue(q0.genCpuS() + q0.queryCpuS() <= q0.cpuS() * 1.05 + 0.02, q0.toString());
    assertCounts(runner.run("q1"), want.bids);
    assertCounts(runner.run("q2"), want.q2);
  }

  @Test
  void csvInputGivesTheSameCounts(@TempDir Path dir) {
    Path csv = dir.resolve("events.csv");
    NexmarkCsvFile.write(csv, EVENTS, NexmarkConfig.defaults());
    QueryReport r = new NexmarkRunner(options(csv, null)).run("q2");

    assertCounts(r, expected().q2);
    assertTrue(r.loadS() >= 0, "load time reported");
  }

  @Test
  void aMeasuredPassAfterWarmUpPassesSeesTheSameRows(@TempDir Path dir) {
    Path csv = dir.resolve("events.csv");
    NexmarkCsvFile.write(csv, EVENTS, NexmarkConfig.defaults());
    BenchOptions threePasses = new BenchOptions(List.of("q2"), EVENTS, csv, 1, null, NexmarkConfig.DEFAULT_SEED,
        1000, null, null, 3, null);
    QueryReport r = new NexmarkRunner(threePasses).run("q2");

    assertCounts(r, expected().q2);
    assertEquals(EVENTS, r.events());
  }

  @Test
  void pacedRunReportsLatency(@TempDir Path dir) throws java.io.IOException {
    Path log = dir.resolve("ticks.txt");
    QueryReport r = new NexmarkRunner(new BenchOptions(List.of("q0"), 2000, null, 1, 20_000L, 42, 100, null, log, 1, null))
        .run("q0");

    assertCounts(r, 1840);
    assertEquals(1800, r.events(), "the first tenth of the events is the warm-up, not measured");
    assertTrue(r.p50Ms() >= 0 && r.p99Ms() >= r.p50Ms(), r.toString());
    // 1800 measured events in ticks of 20: one line per tick, scheduled 1 ms apart
    List<String> lines = java.nio.file.Files.readAllLines(log);
    assertTrue(lines.get(0).startsWith("# tick scheduled"), lines.get(0));
    assertEquals(90, lines.size() - 1);
    assertEquals("0", lines.get(1).split(" ")[0]);
    assertEquals("89000", lines.get(90).split(" ")[0]);
    long slowest = lines.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(" ")[1])).max().orElseThrow();
    assertEquals(Math.round(r.p99Ms() * 1000), slowest, 1, "p99 of 90 ticks is the slowest");
  }

  @Test
  void retentionDeletesOnlyLogTheQueryHasRead() {
    // With 3 MB of retention the log deletes each sealed 64 MB segment of bids at the next roll,
    // while the generator may run only 1,072 events ahead of the query. q7's query is slower
    // than the generator: unbounded, it is hundreds of MB behind by 2 M events, and fails on a
    // deleted segment ("no longer retained"). Its change count depends on how the input is cut
    // into polls (a window's maximum may be replaced within one poll or across two), so it is
    // compared on its net rows; q3's join only inserts, so on every change.
    for (String q : List.of("q7", "q3")) {
      long events = q.equals("q7") ? 2_000_000 : 500_000;
      QueryReport whole = retentionRun(q, events, 0);
      QueryReport retained = retentionRun(q, events, 3);

      assertEquals("ok", whole.status(), whole.message());
      assertEquals("ok", retained.status(), retained.message());
      assertTrue(whole.rowsOut() > 0, q);
      assertEquals(whole.rowsOut(), retained.rowsOut(), q);
      if (q.equals("q3")) {
        assertEquals(whole.changesOut(), retained.changesOut(), q);
      }
    }
  }

  private static QueryReport retentionRun(String query, long events, int retentionMb) {
    return new NexmarkRunner(new BenchOptions(List.of(query), events, null, 1, null, NexmarkConfig.DEFAULT_SEED, 1000,
        null, null, 1, retentionMb)).run(query);
  }

  @Test
  void queriesTheEngineCannotPlanAreReportedNotThrown() {
    // q6 references rownum in its own SELECT (Flink cannot run q6 either); q3, then
    // q22 (SPLIT_INDEX) served here until joins and Flink's functions landed
    QueryReport r = new NexmarkRunner(options(null, null)).run("q6");

    // An unknown column is NOT_FOUND (42S02) everywhere in Eddy.
    assertEquals("not_found", r.status(), r.message());
  }

  @Test
  void commandPrintsATableRowPerQuery() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int status = new NexmarkCommand(new PrintStream(out, true, StandardCharsets.UTF_8), err)
        .run(List.of("--query", "q2,q6", "--events", "10_000"));

    String table = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, table);
    String q2 = "q2 ok 10000 .* " + expected().q2 + " " + expected().q2 + " .*";
    assertTrue(table.lines().anyMatch(l -> l.replaceAll(" +", " ").matches(q2)), table);
    assertTrue(table.lines().anyMatch(l -> l.replaceAll(" +", " ").startsWith("q6 not_found - -")), table);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("q6 not_found: ")), table);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("query ") && l.endsWith("  jit s")), table);
  }

  private static void assertCounts(QueryReport r, long rows) {
    assertEquals("ok", r.status(), r.message());
    assertEquals(rows, r.changesOut(), r.query());
    assertEquals(rows, r.rowsOut(), r.query());
  }

  private static BenchOptions options(Path input, Long rate) {
    return new BenchOptions(List.of("q0"), EVENTS, input, 1, rate, NexmarkConfig.DEFAULT_SEED, 1000, null, null, 1, null);
  }

  private record Expected(long bids, long q2) {}

  /** Straight from the generated events: every bid (q0, q1); bids on every 123rd auction (q2). */
  private static Expected expected() {
    NexmarkGenerator gen = new NexmarkGenerator(NexmarkConfig.defaults());
    long bids = 0;
    long q2 = 0;
    for (long i = 0; i < EVENTS; i++) {
      if (gen.next() instanceof Event.Bid b) {
        bids++;
        q2 += b.auction() % 123 == 0 ? 1 : 0;
      }
    }
    return new Expected(bids, q2);
  }
}
