package io.eddy.engine.script;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.script.ExpectedBlock.ErrorSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what a step produced in the vocabulary of its expected block: where the actual outcome
 * satisfies a directive the directive is kept as written, otherwise the actual value replaces it.
 * A step passes exactly when {@link #matches} holds, i.e. the rendering equals the expectation up
 * to cell padding and trailing spaces.
 */
final class BlockRenderer {
  private BlockRenderer() {}

  static boolean matches(List<String> expected, List<String> actual) {
    return normalize(expected).equals(normalize(actual));
  }

  static List<String> render(ExpectedBlock exp, Observed obs, boolean defaultOrdered) {
    List<String> out = new ArrayList<>(exp.modifiers());
    if (obs instanceof Observed.Status s) {
      out.add(s.count() < 0 ? "> ok"
          : "> " + s.count() + (s.count() == 1 ? " row affected" : " rows affected"));
    } else if (obs instanceof Observed.Failure f) {
      out.addAll(errorLines(exp.error(), f));
    } else {
      out.addAll(tableLines(exp, (Observed.Table) obs,
          exp.ordered() != null ? exp.ordered() : defaultOrdered));
    }
    return out;
  }

  private static List<String> tableLines(ExpectedBlock exp, Observed.Table t, boolean ordered) {
    List<List<String>> rows = ordered ? t.rows() : alignTo(cells(exp.table(), 1), t.rows());
    List<List<String>> all = new ArrayList<>();
    all.add(t.header());
    all.addAll(rows);
    List<String> table = Cells.align(all);
    List<String> out = new ArrayList<>();
    String text = String.join("\n", table);
    boolean allContained = true;
    for (String c : exp.contains()) {
      if (text.contains(c)) {
        out.add("> contains " + c);
      } else {
        allContained = false;
      }
    }
    if (!allContained || exp.contains().isEmpty() || !exp.table().isEmpty()) {
      out.addAll(matches(exp.table(), table) ? exp.table() : table);
    }
    return out;
  }

  /** Actual rows ordered like the expected rows they equal, then the rest in engine order. */
  private static List<List<String>> alignTo(List<List<String>> expected, List<List<String>> actual) {
    List<List<String>> rest = new ArrayList<>(actual);
    List<List<String>> out = new ArrayList<>();
    for (List<String> e : expected) {
      if (rest.remove(e)) {
        out.add(e);
      }
    }
    out.addAll(rest);
    return out;
  }

  private static List<String> errorLines(ErrorSpec spec, Observed.Failure f) {
    if (!(f.error() instanceof EddyException ex)) {
      String msg = String.valueOf(f.error().getMessage()).lines().findFirst().orElse("");
      return List.of("> error java " + f.error().getClass().getName() + ": " + msg);
    }
    ErrorCode code = ex.code();
    boolean codeOk = spec != null && spec.tokens().stream().allMatch(
        tok -> tok.equalsIgnoreCase(code.name()) || tok.equalsIgnoreCase(code.sqlState()));
    String head = "> error " + (codeOk ? String.join(" ", spec.tokens()) : code.name() + " " + code.sqlState());
    boolean reasonOk = codeOk && (spec.substring() == null || ex.reason().contains(spec.substring()));
    if (!reasonOk || spec.substring() != null) {
      head += ": " + (reasonOk ? spec.substring() : ex.reason());
    }
    List<String> out = new ArrayList<>(List.of(head));
    if (spec == null || spec.at() != null) {
      out.add(ex.span() == null ? "> at no position"
          : "> at line " + ex.span().line() + ", column " + ex.span().column());
    }
    if (ex.span() != null && (spec == null || !spec.excerpt().isEmpty())) {
      String text = ex.sourceText() != null ? ex.sourceText() : f.sql();
      ex.span().excerpt(text).lines().forEach(l -> out.add(("> " + l).stripTrailing()));
    }
    return out;
  }

  /** The cells of table lines from index {@code from} on. */
  private static List<List<String>> cells(List<String> lines, int from) {
    return lines.stream().skip(from).map(Cells::split).toList();
  }

  private static List<String> normalize(List<String> lines) {
    return lines.stream()
        .map(l -> l.startsWith(">") ? l.stripTrailing() : String.join("|", Cells.split(l)))
        .toList();
  }
}
