package io.eddy.engine;

import static org.junit.jupiter.api.Assertions.fail;

import io.eddy.engine.script.ScriptFiles;
import io.eddy.engine.script.ScriptRunner;
import io.eddy.engine.script.ScriptRunner.Outcome;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One dynamic test per script under {@code src/test/resources/scripts} (see the README there).
 * Each script runs in a fresh engine over a fresh data directory; {@code -Deddy.script=TEXT} runs
 * only the scripts whose path contains TEXT.
 */
class ScriptTest {

  @TestFactory
  Stream<DynamicTest> scripts() throws Exception {
    // -Deddy.script=errors/ runs only the scripts whose path contains the text (while iterating).
    String only = System.getProperty("eddy.script", "");
    return ScriptFiles.list().stream().filter(rel -> rel.toString().contains(only)).map(rel -> DynamicTest.dynamicTest(rel.toString(),
        ScriptFiles.target(rel).toUri(), () -> run(rel)));
  }

  private static void run(Path rel) throws Exception {
    Outcome outcome = ScriptFiles.runInFreshEngine(rel);
    if (!outcome.passed()) {
      fail(ScriptFiles.report(rel, outcome));
    }
  }
}
