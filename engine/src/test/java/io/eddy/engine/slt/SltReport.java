package io.eddy.engine.slt;

import io.eddy.engine.slt.SltFiles.FileRun;
import io.eddy.engine.slt.SltOutcome.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders the per-file pass counts and the totals of a conformance run. Stateless. */
final class SltReport {
  private SltReport() {}

  static String render(List<FileRun> runs) {
    StringBuilder b = new StringBuilder("SLT conformance report (checked = query records run; "
        + "early = also checked through a view registered before the data)\n");
    b.append(String.format(Locale.ROOT, "%-42s %7s %7s %6s %6s %6s %6s %6s %8s%n", "file", "queries", "checked",
        "pass", "skip", "fail", "quirk", "early", "ms"));
    long[] total = new long[7];
    Map<String, Integer> reasons = new TreeMap<>();
    for (FileRun r : runs) {
      long pass = count(r, SltOutcome.Status.PASS);
      long skip = count(r, SltOutcome.Status.SKIP);
      long quirk = r.outcomes().stream().filter(o -> o.kind() == Kind.SQLITE_QUIRK).count();
      long fail = count(r, SltOutcome.Status.FAIL) - quirk;
      long[] row = {r.totalQueries(), r.outcomes().size(), pass, skip, fail, quirk, r.earlyRegistered()};
      b.append(String.format(Locale.ROOT, "%-42s %7d %7d %6d %6d %6d %6d %6d %8d%n", r.file(), row[0], row[1],
          row[2], row[3], row[4], row[5], row[6], r.millis()));
      for (int i = 0; i < row.length; i++) {
        total[i] += row[i];
      }
      r.outcomes().stream().filter(o -> !o.passed())
          .forEach(o -> reasons.merge(o.kind() + " " + reasonClass(o.reason()), 1, Integer::sum));
    }
    long ms = runs.stream().mapToLong(FileRun::millis).sum();
    b.append(String.format(Locale.ROOT, "%-42s %7d %7d %6d %6d %6d %6d %6d %8d%n", "TOTAL", total[0], total[1],
        total[2], total[3], total[4], total[5], total[6], ms));
    long runnable = total[1] - total[3];
    long standard = runnable - total[5];
    b.append(String.format(Locale.ROOT, "passed %d of %d runnable checked records (%.1f%%), %d skipped as "
        + "unsupported; %d of %d (%.1f%%) without the %d SQLite quirks%n", total[2], runnable,
        runnable == 0 ? 0.0 : 100.0 * total[2] / runnable, total[3], total[2], standard,
        standard == 0 ? 0.0 : 100.0 * total[2] / standard, total[5]));
    b.append("not passing, by reason:\n");
    reasons.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
        .forEach(e -> b.append(String.format(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey())));
    return b.toString();
  }

  private static long count(FileRun r, SltOutcome.Status status) {
    return r.outcomes().stream().filter(o -> o.status() == status).count();
  }

  /** The reason without the record-specific tail (values, names), for grouping. */
  private static String reasonClass(String reason) {
    String r = reason.replaceAll("\\d+", "N").replaceAll("'[^']*'", "'…'");
    return r.length() > 90 ? r.substring(0, 90) : r;
  }
}
