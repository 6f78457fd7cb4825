package io.eddy.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every committed script parses, every expected block is well-formed, and rendering is lossless. */
class ScriptFilesTest {

  @Test
  void everyScriptIsWellFormed() throws Exception {
    List<Path> scripts = ScriptFiles.list();
    assertFalse(scripts.isEmpty(), "no scripts found under " + ScriptFiles.root());
    for (Path rel : scripts) {
      String text = Files.readString(ScriptFiles.target(rel));
      Script script = ScriptParser.parse(rel.toString(), text);
      for (Script.Step step : script.steps()) {
        ExpectedBlock.parse(step.expected());
        assertFalse(step.expected().isEmpty(), rel + ":" + step.line() + " has no expected block");
      }
      List<List<String>> blocks = script.steps().stream().map(Script.Step::expected).toList();
      assertEquals(text, script.render(blocks), rel + " does not render back to itself");
    }
  }
}
