package io.eddy.engine;

import static org.junit.jupiter.api.Assertions.fail;

import io.eddy.engine.script.ScriptFiles;
import io.eddy.engine.script.ScriptRunner.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The scripts of the operators, joins and windows (the ones whose queries need keyed exchanges)
 * with every standing query run by 2 workers: each must give exactly the output it gives with one
 * thread. {@code -Deddy.test.parallelism=2} runs all of {@link ScriptTest} this way.
 */
class ParallelScriptTest {
  private static final List<String> DIRECTORIES = List.of("operators/", "joins/", "windows/");

  @TestFactory
  Stream<DynamicTest> scripts() throws Exception {
    return ScriptFiles.list().stream()
        .filter(rel -> DIRECTORIES.stream().anyMatch(d -> rel.toString().replace('\\', '/').startsWith(d)))
        .map(rel -> DynamicTest.dynamicTest(rel + " (2 workers)", ScriptFiles.target(rel).toUri(), () -> run(rel)));
  }

  private static void run(Path rel) throws Exception {
    Outcome outcome = ScriptFiles.runInFreshEngine(rel, Map.of("parallelism", "2"));
    if (!outcome.passed()) {
      fail(ScriptFiles.report(rel, outcome));
    }
  }
}
