package io.eddy.engine.slt;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.eddy.engine.slt.SltFiles.FileRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * SQLite's sqllogictest corpus run through standing queries (see {@link SltFileRunner}), one
 * dynamic test per {@code .test} file, checked against the baseline of known non-passing records
 * ({@code src/test/resources/slt/baseline.tsv}): a test fails on a regression, i.e. a record not
 * in the baseline that does not pass. Records in the baseline that now pass are printed so the
 * baseline can be tightened. A report of counts per file is printed at the end.
 *
 * <p>System properties: {@code eddy.slt.dir} (default {@code ../shared/slt} beside the repository
 * root; missing: skipped, but a failure when the environment has {@code CI=true});
 * {@code eddy.slt.sample} (query records checked per file, evenly spaced; default 12, {@code 0} =
 * all, as the {@code slt-full} Maven profile sets); {@code eddy.slt.files} (only files whose path
 * contains this text); {@code eddy.slt.lines} (comma-separated: check only the query records at
 * these lines, every statement still replayed); {@code eddy.slt.updateBaseline=true} rewrites the baseline entries of the
 * records that ran; {@code eddy.slt.report=<path from the repository root>} also writes the report
 * there as Markdown (both after every file, so a long run that is stopped keeps its results); {@code eddy.slt.codegenCache} (the engine's {@code codegen.cache_size}, default 1024; 0 = off).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SltConformanceTest {
  private final List<FileRun> runs = new ArrayList<>();
  private final List<String> nowPassing = new ArrayList<>();
  private SltBaseline baseline;

  @TestFactory
  Stream<DynamicTest> files() throws Exception {
    Path root = corpus();
    baseline = SltBaseline.load(baselineSource());
    int sample = Integer.getInteger("eddy.slt.sample", 12);
    String only = System.getProperty("eddy.slt.files", "");
    java.util.Set<Integer> lines = java.util.Arrays.stream(System.getProperty("eddy.slt.lines", "").split(","))
        .map(String::trim).filter(l -> !l.isEmpty()).map(Integer::valueOf).collect(java.util.stream.Collectors.toSet());
    return SltFiles.list(root).stream().filter(f -> f.contains(only))
        .map(f -> DynamicTest.dynamicTest(f, () -> check(SltFiles.run(root, f, sample, lines))));
  }

  private void check(FileRun run) throws java.io.IOException {
    runs.add(classified(run));
    if (!run.statementProblems().isEmpty()) {
      System.out.println("SLT " + run.file() + ": " + run.statementProblems().size() + " statement(s) not as in "
          + "SQLite, first: " + String.join(" | ", run.statementProblems().subList(0,
          Math.min(3, run.statementProblems().size()))));
    }
    List<String> regressions = new ArrayList<>();
    for (SltOutcome o : run.outcomes()) {
      SltBaseline.Entry known = baseline.get(run.file(), o.line());
      if (o.passed() && known != null) {
        nowPassing.add(run.file() + ":" + o.line() + " (" + known.kind() + " " + known.reason() + ")");
      } else if (!o.passed() && known == null) {
        regressions.add(run.file() + ":" + o.line() + " " + o.kind() + " " + o.reason());
      }
    }
    if (!regressions.isEmpty()) {
      System.out.println("SLT " + run.file() + ": " + regressions.size() + " record(s) not passing and not in "
          + "the baseline:\n  " + String.join("\n  ", regressions));
    }
    // Written after every file, so a long run that is stopped keeps what it measured.
    writeReport(SltReport.render(runs));
    if (Boolean.getBoolean("eddy.slt.updateBaseline")) {
      baseline.replace(run.file(), run.outcomes());
      baseline.write(baselineSource());
    }
    if (!regressions.isEmpty() && !Boolean.getBoolean("eddy.slt.updateBaseline")) {
      fail(regressions.size() + " record(s) of " + run.file() + " no longer pass (not in the baseline):\n  "
          + String.join("\n  ", regressions));
    }
  }

  /** The run with each known non-passing record carrying the baseline's (reviewed) class and reason. */
  private FileRun classified(FileRun run) {
    List<SltOutcome> outcomes = run.outcomes().stream().map(o -> {
      SltBaseline.Entry known = baseline.get(run.file(), o.line());
      return o.passed() || known == null ? o : SltOutcome.failed(o.line(), known.kind(), known.reason());
    }).toList();
    return new FileRun(run.file(), outcomes, run.earlyRegistered(), run.statementProblems(), run.guardedOut(),
        run.totalQueries(), run.millis());
  }

  @AfterAll
  void report() throws Exception {
    if (runs.isEmpty()) {
      return;
    }
    String report = SltReport.render(runs);
    System.out.println(report);
    if (writeReport(report)) {
      System.out.println("SLT: report written: " + System.getProperty("eddy.slt.report"));
    }
    if (!nowPassing.isEmpty()) {
      System.out.println("SLT: " + nowPassing.size() + " baseline record(s) now pass; tighten the baseline "
          + "(-Deddy.slt.updateBaseline=true):\n  " + String.join("\n  ", nowPassing));
    }
    if (Boolean.getBoolean("eddy.slt.updateBaseline")) {
      System.out.println("SLT: baseline rewritten (after each file): " + baselineSource());
    }
  }

  /** Writes {@code report} to {@code eddy.slt.report} when that is set; whether it was. */
  private static boolean writeReport(String report) {
    String reportFile = System.getProperty("eddy.slt.report");
    if (reportFile == null || reportFile.isBlank()) {
      return false;
    }
    try {
      Files.writeString(repoRoot().resolve(reportFile), "# sqllogictest conformance (generated)\n\nWritten by "
          + "`SltConformanceTest` with `-Deddy.slt.report=" + reportFile + "` (sample size "
          + Integer.getInteger("eddy.slt.sample", 12) + " per file; 0 = every record). Classes come from "
          + "`baseline.tsv`.\n\n```\n" + report + "```\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return true;
  }

  private static Path corpus() {
    String dir = System.getProperty("eddy.slt.dir");
    Path root = dir != null ? Paths.get(dir) : repoRoot().resolveSibling("shared").resolve("slt");
    if (!Files.isDirectory(root.resolve("test"))) {
      String message = "sqllogictest corpus not found at " + root.toAbsolutePath()
          + " (set -Deddy.slt.dir=<folder holding test/>)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + "; CI must run the conformance baseline");
      }
      Assumptions.abort(message);
    }
    return root.resolve("test").getParent();
  }

  private static Path repoRoot() {
    Path module = Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    return module.getParent();
  }

  private static Path baselineSource() {
    Path module = repoRoot().resolve("engine");
    return module.resolve(Paths.get("src", "test", "resources", "slt", "baseline.tsv"));
  }
}
