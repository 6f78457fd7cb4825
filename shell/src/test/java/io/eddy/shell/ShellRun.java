package io.eddy.shell;

import io.eddy.jdbc.EddyDriver;
import io.eddy.jdbc.EngineOpener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Runs {@link Main} in-process with captured streams over a private driver. */
final class ShellRun {
  final int status;
  final String out;
  final String err;

  private ShellRun(int status, String out, String err) {
    this.status = status;
    this.out = out;
    this.err = err;
  }

  static ShellRun run(EngineOpener engines, String stdin, String... args) {
    EddyDriver driver = new EddyDriver(engines);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ShellIo io = new ShellIo(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        url -> driver.connect(url, new Properties()));
    int status = new Main(io).run(args);
    return new ShellRun(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
