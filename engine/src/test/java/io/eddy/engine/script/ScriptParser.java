package io.eddy.engine.script;

import io.eddy.engine.script.Script.Entry;
import io.eddy.engine.script.Script.Step;
import io.eddy.engine.script.Script.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits script text into comments, statements and expected blocks. A statement runs from its
 * first line to the first line ending in {@code ;}; its expected block is every following line up
 * to the next blank line. Lines starting with {@code #} or {@code --} between statements are
 * comments. {@code > changes} starts a block that polls the open subscription.
 */
final class ScriptParser {
  static final String CHANGES = "> changes";

  private ScriptParser() {}

  static Script parse(String name, String text) {
    List<String> lines = text.lines().toList();
    List<Entry> entries = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("--")) {
        entries.add(new Text(i + 1, line));
        i++;
        continue;
      }
      int start = i;
      String sql = null;
      if (!trimmed.equals(CHANGES)) {
        while (i < lines.size() && !lines.get(i).trim().endsWith(";")) {
          i++;
        }
        if (i == lines.size()) {
          throw new IllegalArgumentException(
              name + ":" + (start + 1) + ": statement does not end with ';' before the end of the file");
        }
        sql = statementText(lines.subList(start, i + 1));
      }
      List<String> head = lines.subList(start, i + 1);
      i++;
      int blockStart = i;
      while (i < lines.size() && !lines.get(i).trim().isEmpty()) {
        i++;
      }
      entries.add(new Step(start + 1, head, sql, lines.subList(blockStart, i)));
    }
    return new Script(name, entries);
  }

  /** The statement without its terminating semicolon, lines joined by newlines. */
  private static String statementText(List<String> lines) {
    String joined = String.join("\n", lines).stripTrailing();
    return joined.substring(0, joined.length() - 1).stripTrailing();
  }
}
