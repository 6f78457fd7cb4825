package io.eddy.engine.script;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Session;
import io.eddy.engine.script.ScriptRunner.Mismatch;
import io.eddy.engine.script.ScriptRunner.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where scripts live and what happens to their results: scripts are read from the test classpath
 * copy ({@code target/test-classes/scripts}); a mismatch writes {@code <file>.actual} beside that
 * copy; with {@code -Deddy.script.overwrite=true} the actual output replaces the source file under
 * {@code src/test/resources/scripts}.
 */
public final class ScriptFiles {
  public static final String OVERWRITE = "eddy.script.overwrite";

  private ScriptFiles() {}

  /** The directory of the compiled copies of the scripts. */
  public static Path root() {
    try {
      return Paths.get(ScriptFiles.class.getResource("/scripts").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Paths of all {@code .sql} scripts relative to {@link #root()}, sorted. */
  public static List<Path> list() throws IOException {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".sql")).map(root::relativize).sorted().toList();
    }
  }

  public static Path target(Path rel) {
    return root().resolve(rel);
  }

  /** The source file: {@code <basedir>/src/test/resources/scripts/<rel>}. */
  static Path source(Path rel) {
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    return Paths.get(basedir, "src", "test", "resources", "scripts").resolve(rel);
  }

  /**
   * Parses and runs one script in a new engine over a temporary data directory, then cleans up.
   * The engine's settings are {@link #testSettings()}.
   */
  public static Outcome runInFreshEngine(Path rel) throws IOException {
    return runInFreshEngine(rel, testSettings());
  }

  /**
   * The engine settings tests run under: {@code -Deddy.test.parallelism=N} runs every standing
   * query with N workers (the setting {@code parallelism}); none by default.
   */
  public static java.util.Map<String, String> testSettings() {
    String n = System.getProperty("eddy.test.parallelism");
    return n == null || n.isBlank() ? java.util.Map.of() : java.util.Map.of("parallelism", n.trim());
  }

  /** As {@link #runInFreshEngine(Path)}, with engine settings {@code settings}. */
  public static Outcome runInFreshEngine(Path rel, java.util.Map<String, String> settings) throws IOException {
    String text = Files.readString(target(rel));
    Script script = ScriptParser.parse(rel.toString(), text);
    Path dir = Files.createTempDirectory("eddy-script-");
    Outcome outcome;
    try (Engine engine = Engine.open(new EngineConfig(dir, settings));
        Session session = engine.openSession();
        Session subscriber = engine.openSession();
        ScriptRunner runner = new ScriptRunner(session, subscriber, new ChangeCollector(5000, 200))) {
      outcome = runner.run(script);
    } finally {
      deleteTree(dir);
    }
    Path actual = target(rel).resolveSibling(rel.getFileName() + ".actual");
    Files.deleteIfExists(actual);
    if (!outcome.passed()) {
      Files.writeString(actual, outcome.actualText());
      if (Boolean.getBoolean(OVERWRITE) && !outcome.actualText().equals(text)) {
        Files.writeString(source(rel), outcome.actualText());
      }
    }
    return outcome;
  }

  /** The failure message: each mismatching step with a diff of its block, then other problems. */
  public static String report(Path rel, Outcome outcome) {
    StringBuilder sb = new StringBuilder();
    sb.append(outcome.mismatches().size()).append(" step(s) of ").append(rel)
        .append(" differ; actual output in target/test-classes/scripts/").append(rel).append(".actual\n");
    for (Mismatch m : outcome.mismatches()) {
      sb.append("\n").append(rel).append(':').append(m.line()).append(":\n").append(m.statement()).append('\n')
          .append(LineDiff.diff(m.expected(), m.actual()));
    }
    for (String p : outcome.problems()) {
      sb.append("\nproblem: ").append(p).append('\n');
    }
    return sb.toString();
  }

  public static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
