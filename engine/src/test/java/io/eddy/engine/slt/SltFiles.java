package io.eddy.engine.slt;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs one SLT file in a fresh engine over a temporary data directory. Stateless. */
final class SltFiles {
  private SltFiles() {}

  /** The {@code .test} files under {@code root}, as sorted relative paths with '/' separators. */
  static List<String> list(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".test"))
          .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of one file: its outcomes and how the run went. */
  record FileRun(String file, List<SltOutcome> outcomes, int earlyRegistered, List<String> statementProblems,
      int guardedOut, long totalQueries, long millis) {}

  /**
   * Runs {@code file}; with {@code sample > 0} only an evenly spaced, deterministic sample of about
   * {@code sample} of its query records is checked (every statement still runs).
   */
  static FileRun run(Path root, String file, int sample) throws IOException {
    long start = System.nanoTime();
    SltScript script = SltParser.parse(file, Files.readString(root.resolve(file)));
    SltSample kept = SltSample.of(script, sample);
    Path dir = Files.createTempDirectory("eddy-slt-");
    Map<String, String> settings = Map.of("log.fsync", "none",
        "codegen.cache_size", System.getProperty("eddy.slt.codegenCache", "1024"));
    try (Engine engine = Engine.open(new EngineConfig(dir, settings));
        Session session = engine.openSession()) {
      SltFileRunner runner = new SltFileRunner(session, kept.script(), kept.selected());
      List<SltOutcome> outcomes = runner.run();
      System.out.println("SLT " + file + ": compiled-expression cache " + engine.compiledCacheStats());
      return new FileRun(file, outcomes, runner.earlyRegistered(), runner.statementProblems(),
          script.guardedOut(), script.queryCount(), (System.nanoTime() - start) / 1_000_000);
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
