package io.eddy.engine.script;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed expected block of a step. Directive lines start with {@code >}; every other line is
 * part of the result table (header first).
 *
 * @param modifiers {@code > ordered} / {@code > unordered} lines as written
 * @param ordered the explicit ordering, or null for the statement's default
 * @param error the expected error, or null
 * @param contains the {@code > contains} texts
 * @param table the table lines (header, then rows)
 */
record ExpectedBlock(List<String> modifiers, Boolean ordered, ErrorSpec error, List<String> contains,
    List<String> table) {
  private static final Pattern ERROR = Pattern.compile("error(?:\\s+([^:]*?))?\\s*(?::\\s?(.*))?");

  /**
   * An expected error: every token must name the code or its SQLSTATE; the reason must contain
   * {@code substring} (when not null); {@code at} and {@code excerpt} are compared when present.
   */
  record ErrorSpec(List<String> tokens, String substring, String at, List<String> excerpt) {}

  static ExpectedBlock parse(List<String> lines) {
    List<String> modifiers = new ArrayList<>();
    Boolean ordered = null;
    ErrorSpec error = null;
    List<String> contains = new ArrayList<>();
    List<String> table = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith(">")) {
        table.add(line);
        continue;
      }
      String body = line.length() > 1 && line.charAt(1) == ' ' ? line.substring(2) : line.substring(1);
      String word = body.strip();
      Matcher m = ERROR.matcher(word);
      if (error != null && word.startsWith("at line")) {
        error = new ErrorSpec(error.tokens(), error.substring(), word, error.excerpt());
      } else if (error != null) {
        List<String> excerpt = new ArrayList<>(error.excerpt());
        excerpt.add(body.stripTrailing());
        error = new ErrorSpec(error.tokens(), error.substring(), error.at(), excerpt);
      } else if (word.equals("ordered") || word.equals("unordered")) {
        modifiers.add(line);
        ordered = word.equals("ordered");
      } else if (word.startsWith("contains ")) {
        contains.add(word.substring("contains ".length()));
      } else if (m.matches()) {
        List<String> tokens = m.group(1) == null || m.group(1).isBlank() ? List.of()
            : List.of(m.group(1).trim().split("\\s+"));
        error = new ErrorSpec(tokens, m.group(2), null, List.of());
      } else if (!word.equals("ok") && !word.matches("\\d+ rows? affected")) {
        throw new IllegalArgumentException("unknown directive: " + line);
      }
    }
    return new ExpectedBlock(modifiers, ordered, error, contains, table);
  }
}
