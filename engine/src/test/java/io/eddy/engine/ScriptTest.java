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
 * Each script runs in a fresh engine over a fresh data directory.
 */
class ScriptTest {

  @TestFactory
  Stream<DynamicTest> scripts() throws Exception {
    return ScriptFiles.list().stream().map(rel -> DynamicTest.dynamicTest(rel.toString(),
        ScriptFiles.target(rel).toUri(), () -> run(rel)));
  }

  private static void run(Path rel) throws Exception {
    Outcome outcome = ScriptFiles.runInFreshEngine(rel);
    if (!outcome.passed()) {
      fail(ScriptFiles.report(rel, outcome));
    }
  }
}
