package io.eddy.engine.script;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed script file: an ordered list of entries that renders back to the exact source text.
 * See {@code src/test/resources/scripts/README.md} for the format.
 */
record Script(String name, List<Entry> entries) {

  Script {
    entries = List.copyOf(entries);
  }

  /** One piece of a script, starting at a 1-based source line. */
  sealed interface Entry permits Text, Step {
    int line();
  }

  /** Blank lines and comments, reproduced verbatim. */
  record Text(int line, String text) implements Entry {}

  /**
   * A statement (or a {@code > changes} directive when {@code sql} is null) and its expected block.
   *
   * @param head the source lines of the statement or directive, as written
   * @param expected the lines of the expected block, up to the next blank line
   */
  record Step(int line, List<String> head, String sql, List<String> expected) implements Entry {
    Step {
      head = List.copyOf(head);
      expected = List.copyOf(expected);
    }

    boolean isChanges() {
      return sql == null;
    }

    Step withExpected(List<String> lines) {
      return new Step(line, head, sql, lines);
    }
  }

  /** The script text with each step's expected block replaced by {@code blocks} (same order). */
  String render(List<List<String>> blocks) {
    List<String> out = new ArrayList<>();
    int next = 0;
    for (Entry e : entries) {
      if (e instanceof Text t) {
        out.add(t.text());
      } else {
        Step s = (Step) e;
        out.addAll(s.head());
        out.addAll(blocks.get(next++));
      }
    }
    return String.join("\n", out) + "\n";
  }

  List<Step> steps() {
    return entries.stream().filter(Step.class::isInstance).map(Step.class::cast).toList();
  }
}
