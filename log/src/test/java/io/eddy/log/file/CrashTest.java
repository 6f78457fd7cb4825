package io.eddy.log.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.log.PartitionLog;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments: child JVMs ({@link CrashAppender}, {@code fsync=batch}) append to one
 * log and print every acknowledged offset and payload; each is killed with
 * {@code destroyForcibly} at a random moment (sometimes while it is still opening and
 * recovering), then the log is reopened (by this process on every other cycle, otherwise by the
 * next child) and every acknowledged record must be present at its offset exactly once. Prints
 * acked / recovered / lost / duplicated. Cycles: {@code -Deddy.crash.cycles} (100; 1000 with
 * {@code -Pcrash-soak}).
 */
class CrashTest {
  @TempDir
  Path dir;

  @Test
  void killedAppendersLoseNoAcknowledgedRecord() throws Exception {
    int cycles = Integer.getInteger("eddy.crash.cycles", 100);
    Random random = new Random(Long.getLong("eddy.crash.seed", System.nanoTime()));
    Map<Long, String> acked = new HashMap<>();
    long t0 = System.nanoTime();
    int killedBeforeFirstAck = 0;
    for (int cycle = 0; cycle < cycles; cycle++) {
      Child child = Child.start(dir, "r" + cycle, random.nextLong());
      if (random.nextInt(10) == 0) {
        Thread.sleep(random.nextInt(200));
      } else {
        child.firstAck.await(20, TimeUnit.SECONDS);
        Thread.sleep(random.nextInt(25));
      }
      child.process.destroyForcibly();
      child.process.waitFor(20, TimeUnit.SECONDS);
      child.reader.join(5000);
      if (child.acks.isEmpty()) {
        killedBeforeFirstAck++;
      }
      assertTrue(child.errors.isEmpty(), "child failed: " + child.errors);
      acked.putAll(child.acks);
      if (cycle % 2 == 1 || cycle == cycles - 1) {
        Verdict v = verify(acked);
        assertEquals(0, v.lost, "lost acknowledged records after cycle " + cycle + ": " + v);
        assertEquals(0, v.duplicated, "duplicated records after cycle " + cycle + ": " + v);
        if (cycle == cycles - 1) {
          System.out.printf("kill -9 crash test: %d cycles (%d killed before their first ack) in %.1f s: acked %d, "
              + "recovered %d, lost %d, duplicated %d, unacked but present %d%n", cycles, killedBeforeFirstAck,
              (System.nanoTime() - t0) / 1e9, v.acked, v.recovered, v.lost, v.duplicated, v.recovered - v.acked);
        }
      }
    }
  }

  private record Verdict(int acked, int recovered, int lost, int duplicated) {}

  private Verdict verify(Map<Long, String> acked) {
    Map<Long, String> log = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    try (FileLogStore store = FileLogStore.open(dir, CrashAppender.CONFIG)) {
      if (!store.exists("t")) { // every child so far was killed before it created the topic
        return new Verdict(acked.size(), 0, acked.size(), 0);
      }
      PartitionLog p = store.open("t").partition(0);
      long next = p.startOffset();
      while (next < p.endOffset()) {
        next = p.read(next, 1 << 16, (o, ts, b, off, len) -> {
          String payload = new String(b, off, len, StandardCharsets.UTF_8);
          log.put(o, payload);
          seen.merge(payload, 1, Integer::sum);
        });
      }
    }
    int lost = 0;
    for (Map.Entry<Long, String> e : acked.entrySet()) {
      if (!e.getValue().equals(log.get(e.getKey()))) {
        lost++;
      }
    }
    int duplicated = 0;
    for (int n : seen.values()) {
      duplicated += n - 1;
    }
    return new Verdict(acked.size(), log.size(), lost, duplicated);
  }

  /** A running child and the acknowledgements read from its stdout. */
  private static final class Child {
    final Process process;
    final Map<Long, String> acks = new HashMap<>();
    final List<String> errors = new ArrayList<>();
    final CountDownLatch firstAck = new CountDownLatch(1);
    final Thread reader;

    private Child(Process process) {
      this.process = process;
      this.reader = new Thread(this::readAcks, "crash-child-reader");
      reader.start();
    }

    static Child start(Path dir, String run, long seed) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classpath = String.join(File.pathSeparator, location(CrashAppender.class), location(FileLogStore.class),
          location(EddyException.class));
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx48m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-Xshare:auto", "-XX:-UsePerfData", "-cp", classpath, CrashAppender.class.getName(), dir.toString(), run,
          Long.toString(seed));
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      return new Child(pb.start());
    }

    private static String location(Class<?> c) {
      try {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }

    private void readAcks() {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          if (line.startsWith("A ") && line.endsWith(" $")) { // a complete acknowledgement line
            String[] f = line.split(" ");
            long base = Long.parseLong(f[1]);
            String[] payloads = f[2].split(",");
            synchronized (this) {
              for (int i = 0; i < payloads.length; i++) {
                acks.put(base + i, payloads[i]);
              }
            }
            firstAck.countDown();
          } else if (!line.startsWith("O ") && !line.startsWith("A ")) {
            errors.add(line);
          }
        }
      } catch (IOException e) {
        // the pipe closes when the child is killed
      }
      firstAck.countDown();
    }
  }
}
