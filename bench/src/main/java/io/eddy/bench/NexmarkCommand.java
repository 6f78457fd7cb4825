package io.eddy.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code eddy bench nexmark ...}: runs the chosen Nexmark queries one after the other, each on a
 * fresh engine, and prints one table row per query on {@code out} (progress on {@code err}).
 * Exit status: 0 when every query ran or was refused with a user-facing error (unsupported,
 * unknown function, ...: reported in the table), 1 when one hit an internal error, 2 on misuse
 * (thrown as IllegalArgumentException for the caller to report).
 */
public final class NexmarkCommand {
  private final PrintStream out;
  private final PrintStream err;

  public NexmarkCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** {@code args} are the arguments after {@code bench nexmark}. */
  public int run(List<String> args) {
    BenchOptions options = BenchOptions.parse(args);
    NexmarkRunner runner = new NexmarkRunner(options);
    List<QueryReport> reports = new ArrayList<>();
    // With retention the log deletes a segment every few hundred thousand events and says so at
    // INFO; the report's first line says what each stream keeps instead.
    Logger log = Logger.getLogger("io.eddy.log");
    Level level = log.getLevel();
    log.setLevel(Level.WARNING);
    try {
      for (String q : options.queries()) {
        err.println("eddy bench: " + q + " ...");
        QueryReport r = runner.run(q);
        reports.add(r);
        err.println("eddy bench: " + q + " " + r.status() + (r.ok() ? String.format(" in %.2f s", r.runS()) : ""));
      }
    } finally {
      log.setLevel(level);
    }
    out.println(describe(options));
    ReportTable.print(reports, out);
    return reports.stream().anyMatch(r -> r.status().equals("internal")) ? 1 : 0;
  }

  private static String describe(BenchOptions o) {
    String input = o.input() != null ? "input " + o.input()
        : "generator seed " + o.seed() + ", " + o.events() + " events"
            + (o.rate() != null ? ", paced at " + o.rate() + " events/s" : ", unpaced");
    String retention = o.retentionMb() == 0 ? "" : ", log retention " + o.retentionMb() + " MB a partition";
    return "Nexmark on Eddy: " + input + retention + ", parallelism " + o.parallelism() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version();
  }
}
