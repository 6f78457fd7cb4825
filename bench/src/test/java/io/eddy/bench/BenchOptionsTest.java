package io.eddy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void pacedRunsWarmUpOnATenthUnlessTold() {
    assertEquals(300_000, BenchOptions.parse(List.of("--query", "q5", "--events", "3_000_000", "--rate", "100000"))
        .warmupEvents());
    assertEquals(1_500_000, BenchOptions.parse(List.of("--query", "q5", "--events", "4500000", "--rate", "100000",
        "--warmup", "1500000")).warmupEvents());
    assertEquals(0, BenchOptions.parse(List.of("--query", "q5", "--events", "1000")).warmupEvents());
    assertEquals(10, BenchOptions.parse(List.of("--query", "q0", "--events", "1000", "--warmup", "10")).warmupEvents());
  }

  @Test
  void aWarmupNeedsTheGeneratorAndRoomToMeasure() {
    IllegalArgumentException loaded = assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--query", "q0", "--input", "e.csv", "--warmup", "10")));
    assertEquals("--warmup needs the generator and is fewer events than --events", loaded.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--query", "q0", "--events", "100", "--rate", "10", "--warmup", "100")));
  }

  @Test
  void aLatencyLogNeedsAPacedRunAndGetsTheQueryNameWithSeveral() {
    IllegalArgumentException unpaced = assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--query", "q0", "--latency-log", "t.txt")));
    assertEquals("--latency-log needs a paced run (--rate)", unpaced.getMessage());
    BenchOptions one = BenchOptions.parse(List.of("--query", "q5", "--rate", "10", "--latency-log", "d/t.txt"));
    assertEquals(java.nio.file.Path.of("d/t.txt"), one.latencyLog("q5"));
    BenchOptions two = BenchOptions.parse(List.of("--query", "q5,q7", "--rate", "10", "--latency-log", "d/t.txt"));
    assertEquals(java.nio.file.Path.of("d/t.txt-q7"), two.latencyLog("q7"));
    assertEquals(null, BenchOptions.parse(List.of("--query", "q5", "--rate", "10")).latencyLog("q5"));
  }

  @Test
  void passesNeedTheLoadedLog() {
    assertEquals(3, BenchOptions.parse(List.of("--query", "q0", "--input", "e.csv", "--passes", "3")).passes());
    assertEquals(1, BenchOptions.parse(List.of("--query", "q0", "--input", "e.csv")).passes());
    IllegalArgumentException generated = assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--query", "q0", "--events", "100", "--passes", "2")));
    assertEquals("--passes needs --input and is at least 1 (a generator run warms up with --warmup)",
        generated.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--query", "q0", "--input", "e.csv", "--passes", "0")));
  }

  @Test
  void unpacedGeneratorRunsKeep256MbOfLogAndTheOthersAllOfIt() {
    BenchOptions unpaced = BenchOptions.parse(List.of("--query", "q0"));
    assertEquals(256, unpaced.retentionMb());
    // (256 MB / 1 KB an event) less two batches of 10,000
    assertEquals(262_144 - 20_000, unpaced.maxLagEvents());
    assertEquals(0, BenchOptions.parse(List.of("--query", "q0", "--retention-mb", "0")).retentionMb());
    assertEquals(Long.MAX_VALUE, BenchOptions.parse(List.of("--query", "q0", "--retention-mb", "0")).maxLagEvents());
    assertEquals(0, BenchOptions.parse(List.of("--query", "q0", "--rate", "10")).retentionMb());
    assertEquals(0, BenchOptions.parse(List.of("--query", "q0", "--input", "e.csv")).retentionMb());
    assertEquals(3072 - 2000, BenchOptions.parse(List.of("--query", "q0", "--retention-mb", "3", "--batch", "1000"))
        .maxLagEvents());
  }

  @Test
  void retentionNeedsAnUnpacedGeneratorAndRoomForThreeBatches() {
    IllegalArgumentException loaded = assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--query", "q0", "--input", "e.csv", "--retention-mb", "64")));
    assertEquals("--retention-mb needs an unpaced generator run: --input loads the whole file before the query"
        + " starts, and a paced run cannot wait for the query", loaded.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--query", "q0", "--rate", "10", "--retention-mb", "64")));
    IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--query", "q0", "--batch", "100000", "--retention-mb", "256")));
    assertEquals("--retention-mb must be 0 or hold three batches of events at 1024 bytes each (at least 293 for"
        + " --batch 100000)", small.getMessage());
    assertEquals(293, BenchOptions.parse(List.of("--query", "q0", "--batch", "100000", "--retention-mb", "293"))
        .retentionMb());
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--query", "q0", "--retention-mb", "-1")));
    // three batches of 262,144 events at 1 KB are exactly 768 MB: the least the message names is the least accepted
    IllegalArgumentException exact = assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--query", "q0", "--batch", "262144", "--retention-mb", "767")));
    assertTrue(exact.getMessage().endsWith("(at least 768 for --batch 262144)"), exact.getMessage());
    assertEquals(262_144, BenchOptions.parse(List.of("--query", "q0", "--batch", "262144", "--retention-mb", "768"))
        .maxLagEvents());
  }
}
