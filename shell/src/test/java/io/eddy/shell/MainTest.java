package io.eddy.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.jdbc.EngineOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell run in-process, as a user would run {@code eddy shell ...}. */
class MainTest {
  private static final String SETUP = "CREATE STREAM t (a BIGINT, b VARCHAR); "
      + "INSERT INTO t VALUES (1, 'x,y'), (22, 'z');";

  @TempDir Path dir;
  private final EngineOpener engines = EngineOpener.embedded();

  private ShellRun shell(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "shell";
    all[1] = "--data-dir";
    all[2] = dir.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return ShellRun.run(engines, "", all);
  }

  @Test
  void csvOutputIsExact() {
    ShellRun run = shell("--format", "csv", "-e", SETUP + " SELECT * FROM t ORDER BY a");
    assertEquals("", run.err);
    assertEquals("CREATE STREAM\nINSERT 2\na,b\n1,\"x,y\"\n22,z\n", run.out);
    assertEquals(0, run.status);
  }

  @Test
  void tableOutputIsAligned() {
    ShellRun run = shell("-e", SETUP + " SELECT * FROM t ORDER BY a;");
    assertEquals("CREATE STREAM\nINSERT 2\n"
        + "a  | b\n"
        + "---+----\n"
        + "1  | x,y\n"
        + "22 | z\n"
        + "(2 rows)\n", run.out);
  }

  @Test
  void jsonOutputIsOneObjectPerRow() {
    ShellRun run = shell("--format", "json", "-e", SETUP + " SELECT * FROM t ORDER BY a");
    assertTrue(run.out.endsWith("{\"a\":1,\"b\":\"x,y\"}\n{\"a\":22,\"b\":\"z\"}\n"), run.out);
  }

  @Test
  void firstErrorStopsTheScriptWithCaretOnStderrAndStatus1() {
    ShellRun run = shell("-e", "CREATE STREAM t (a BIGINT); SELEKT 1; CREATE STREAM u (a BIGINT)");
    assertEquals(1, run.status);
    assertEquals("CREATE STREAM\n", run.out);
    assertTrue(run.err.startsWith("ERROR: "), run.err);
    assertTrue(run.err.contains(" at line 1, column 1\nSELEKT 1\n^"), run.err);
    assertFalse(run.err.contains("\tat "), "no stack trace: " + run.err);
    assertFalse(run.err.contains("Exception"), run.err);
  }

  @Test
  void errorsInFilesNameTheFileAndLine() throws Exception {
    Path script = dir.resolve("script.sql");
    Files.writeString(script, "CREATE STREAM t (a BIGINT);\n\nSELECT * FROM missing;\n");
    ShellRun run = shell("-f", script.toString());
    assertEquals(1, run.status);
    assertTrue(run.err.startsWith(script + ":3: ERROR: "), run.err);
    assertTrue(run.err.contains("missing"), run.err);
  }

  @Test
  void subscribeInAScriptStopsAfterTheLimit() {
    ShellRun run = shell("--format", "csv", "--limit", "2", "-e", SETUP + " SUBSCRIBE (SELECT * FROM t)");
    assertEquals(0, run.status, run.err);
    assertTrue(run.out.matches(
        "(?s)CREATE STREAM\nINSERT 2\n_time,_diff,a,b\n(\\d+,1,1,\"x,y\"\n\\d+,1,22,z\n"
            + "|\\d+,1,22,z\n\\d+,1,1,\"x,y\"\n)"), run.out);
  }

  @Test
  void pipedInputRunsAsAScript() {
    ShellRun run = ShellRun.run(engines, "CREATE STREAM t\n (a BIGINT)\n;\nSELECT * FROM t;\n",
        "shell", "--data-dir", dir.toString());
    assertEquals(0, run.status, run.err);
    assertEquals("CREATE STREAM\na\n-\n(0 rows)\n", run.out);
  }

  @Test
  void demoFeedsLiveViewsThatFillAndChange() {
    ShellRun run = ShellRun.run(engines, "", "demo", "--data-dir", dir.toString(), "--format", "csv",
        "--no-shell", "--seconds", "3", "--rate", "300");
    assertEquals(0, run.status, run.err);
    assertEquals("", run.err);
    List<String> snapshots = List.of(run.out.split("-- after \\d+ s: ")).subList(1, 4);
    assertEquals(3, snapshots.size(), run.out);
    for (String snapshot : snapshots) {
      List<String> lines = snapshot.lines().toList();
      assertTrue(Long.parseLong(lines.get(0).replace(" events", "")) > 0, snapshot);
      int top = lines.indexOf("auction,bids,top_price");
      int windows = lines.indexOf("window_start,window_end,bids,auctions,top_price");
      assertTrue(top == 1 && windows > top + 1 && windows <= top + 6, "top auctions fill: " + snapshot);
      assertTrue(lines.get(windows + 1).matches("\"\\d{4}-.*,\\d+,\\d+,\\d+"), "a window: " + snapshot);
      assertEquals("auctions_with_sellers", lines.get(lines.size() - 2), snapshot);
      assertTrue(Long.parseLong(lines.get(lines.size() - 1)) > 0, "the join fills: " + snapshot);
    }
    assertNotEquals(snapshots.get(0).lines().skip(1).toList(), snapshots.get(2).lines().skip(1).toList(),
        "the views change as events arrive");
  }

  @Test
  void demoRunsTheGivenScriptOnTheLiveData() {
    ShellRun run = ShellRun.run(engines, "", "demo", "--data-dir", dir.toString(), "--format", "csv",
        "-e", "SELECT COUNT(*) > 0 AS live FROM (SELECT * FROM bid)");
    assertEquals(0, run.status, run.err);
    assertTrue(run.out.contains("live\n"), run.out);
  }

  @Test
  void helpAndMisuse() {
    ShellRun help = ShellRun.run(engines, "", "--help");
    assertEquals(0, help.status);
    assertTrue(help.out.startsWith("Usage: eddy"), help.out);
    ShellRun misuse = ShellRun.run(engines, "", "shell", "--frmat", "csv");
    assertEquals(2, misuse.status);
    assertTrue(misuse.err.startsWith("eddy: unknown option '--frmat'"), misuse.err);
  }

  @Test
  void benchRunsNexmarkInProcessAndReportsMisuse() {
    ShellRun run = ShellRun.run(engines, "", "bench", "nexmark", "--query", "q2", "--events", "5000");
    assertEquals(0, run.status, run.err);
    assertTrue(run.out.lines().anyMatch(l -> l.startsWith("q2 ") && l.contains(" ok ")), run.out);

    ShellRun misuse = ShellRun.run(engines, "", "bench", "nexmark", "--query", "q99");
    assertEquals(2, misuse.status);
    assertTrue(misuse.err.startsWith("eddy bench: unknown Nexmark query 'q99' (expected q0 .. q22 or all)"),
        misuse.err);
  }
}
