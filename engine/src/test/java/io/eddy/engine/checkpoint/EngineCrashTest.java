package io.eddy.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real engine process: a child JVM ({@link CrashEngineChild}) runs an engine with a
 * GROUP BY aggregate, a join with a table, a windowed aggregate, a derived stream and a view over
 * it, checkpointing every 20-200 ms (sometimes pausing inside each checkpoint write, between the
 * state file and the manifest, so kills land there), and inserts rows until it is killed with
 * {@code destroyForcibly} at a random moment. The next child recovers from whatever was left; on
 * every other cycle this process opens the engine itself (recovering from the kill) and checks:
 * the stream holds rows {@code 0..n-1} once each with every acknowledged row among them, every
 * view equals the reference computed from those rows, and the derived stream holds each
 * qualifying row exactly once (nothing lost, nothing duplicated). Prints the figures. Cycles:
 * {@code -Deddy.engine.crash.cycles} (20; 200 with {@code -Pcrash-soak}).
 */
class EngineCrashTest {
  @TempDir Path dir;

  private int verified;
  private long restoredFromCheckpoint;
  private long recomputed;

  private Engine open() {
    return Engine.open(new EngineConfig(dir, Map.of("checkpoint.interval", "50ms")));
  }

  @Test
  void killedEnginesRecoverViewsAndDerivedStreamsExactlyOnce() throws Exception {
    int cycles = Integer.getInteger("eddy.engine.crash.cycles", 20);
    long seed = Long.getLong("eddy.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    try (Engine e = open(); Session s = e.openSession()) {
      s.executeScript(CrashWorkload.SCHEMA);
    }
    Set<Long> acked = new HashSet<>();
    long t0 = System.nanoTime();
    int killedInsideWrite = 0;
    Verdict last = null;
    for (int cycle = 0; cycle < cycles; cycle++) {
      String interval = List.of("20ms", "50ms", "200ms").get(random.nextInt(3));
      String pause = List.of("0", "0", "10", "40").get(random.nextInt(4));
      Child child = Child.runAndKill(dir, interval, pause, random.nextInt(500));
      acked.addAll(child.acks);
      killedInsideWrite += incompleteCheckpoints();
      if (cycle % 2 == 1 || cycle == cycles - 1) {
        last = verify(acked, "seed " + seed + ", cycle " + cycle);
      }
    }
    System.out.printf("engine kill -9 crash test: %d cycles in %.1f s (%d verified, %d kills left an incomplete "
        + "checkpoint): acked %d, rows in the log %d, recovered views exact, derived stream: expected %d, present %d, "
        + "lost %d, duplicated %d; queries restored from checkpoints %d, recomputed %d%n", cycles,
        (System.nanoTime() - t0) / 1e9, verified, killedInsideWrite, acked.size(), last.rows, last.derivedExpected,
        last.derivedPresent, last.derivedLost, last.derivedDuplicated, restoredFromCheckpoint, recomputed);
    assertTrue(restoredFromCheckpoint > 0, "no query was restored from a checkpoint");
  }

  private record Verdict(long rows, long derivedExpected, long derivedPresent, long derivedLost,
      long derivedDuplicated) {}

  private Verdict verify(Set<Long> acked, String what) {
    try (Engine e = open(); Session s = e.openSession()) {
      for (Object[] q : rows(s, "SHOW QUERIES")) {
        if (((String) q[q.length - 1]).startsWith("checkpoint")) {
          restoredFromCheckpoint++;
        } else {
          recomputed++;
        }
      }
      Object[] counts = rows(s, "SELECT COUNT(*), COUNT(DISTINCT seq), MAX(seq) FROM bids").get(0);
      long n = counts[2] == null ? 0 : (Long) counts[2] + 1;
      assertEquals(n, counts[0], what + ": rows in bids");
      assertEquals(n, counts[1], what + ": distinct rows in bids");
      for (long a : acked) {
        assertTrue(a < n, what + ": acknowledged row " + a + " is missing");
      }
      Map<String, List<String>> expected = CrashWorkload.expected(n);
      for (Map.Entry<String, List<String>> v : expected.entrySet()) {
        assertEquals(v.getValue(), sorted(rows(s, "SELECT * FROM " + v.getKey())), what + ": view " + v.getKey());
      }
      List<Long> derived = new ArrayList<>();
      for (Object[] r : rows(s, "SELECT seq FROM expensive")) {
        derived.add((Long) r[0]);
      }
      Set<Long> distinct = new HashSet<>(derived);
      long wanted = 0;
      long lost = 0;
      for (long i = 0; i < n; i++) {
        if (CrashWorkload.price(i) >= 50) {
          wanted++;
          lost += distinct.contains(i) ? 0 : 1;
        }
      }
      Verdict v = new Verdict(n, wanted, derived.size(), lost, derived.size() - distinct.size());
      assertEquals(0, v.derivedDuplicated, what + ": duplicated derived rows " + v);
      assertEquals(0, v.derivedLost, what + ": lost derived rows " + v);
      assertEquals(wanted, distinct.size(), what + ": derived rows that should not be there " + v);
      verified++;
      return v;
    }
  }

  private int incompleteCheckpoints() throws IOException {
    int n = 0;
    Path root = dir.resolve("checkpoints");
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(root, 2)) {
      for (Path p : walk.filter(p -> p.getFileName().toString().matches("\\d{20}")).toList()) {
        if (!Files.exists(p.resolve("manifest"))) {
          n++;
        }
      }
    }
    return n;
  }

  private static List<Object[]> rows(Session s, String sql) {
    return ((Result.Rows) s.execute(sql)).rows();
  }

  private static List<String> sorted(List<Object[]> rows) {
    List<String> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(Arrays.toString(r));
    }
    Collections.sort(out);
    return out;
  }

  /** A running child engine and the acknowledgements read from its stdout. */
  static final class Child {
    final Process process;
    final Set<Long> acks = new HashSet<>();
    final StringBuffer output = new StringBuffer();
    final CountDownLatch firstAck = new CountDownLatch(1);
    final Thread reader;

    private Child(Process process) {
      this.process = process;
      this.reader = new Thread(this::readAcks, "engine-crash-child-reader");
      reader.start();
    }

    static Child start(Path dir, String interval, String pause) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), CrashEngineChild.class.getName(), dir.toString(), interval,
          pause);
      pb.redirectErrorStream(true);
      return new Child(pb.start());
    }

    /**
     * Starts a child, waits for its first acknowledgement (at most 2 minutes), lets it run for
     * {@code millis} more and kills it (kill -9); returns it with everything it printed read.
     */
    static Child runAndKill(Path dir, String interval, String pause, long millis) throws Exception {
      Child child = start(dir, interval, pause);
      for (int waited = 0; waited < 1200 && child.process.isAlive(); waited++) {
        if (child.firstAck.await(100, TimeUnit.MILLISECONDS)) {
          break;
        }
      }
      assertTrue(child.firstAck.getCount() == 0, "child acknowledged nothing: " + child.output);
      Thread.sleep(millis);
      child.process.destroyForcibly();
      child.process.waitFor(30, TimeUnit.SECONDS);
      child.reader.join(5000);
      return child;
    }

    private void readAcks() {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          if (line.startsWith("A ") && line.endsWith(" $")) {
            acks.add(Long.parseLong(line.split(" ")[1]));
            firstAck.countDown();
          } else if (output.length() < 20_000) {
            output.append(line).append('\n');
          }
        }
      } catch (IOException e) {
        // the process was killed
      }
    }
  }
}
