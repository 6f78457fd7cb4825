package io.eddy.shell.server;

import io.eddy.engine.Engine;
import io.eddy.engine.config.ConfigPlan;
import io.eddy.engine.config.ConfigReader;
import io.eddy.engine.config.Reconciler;
import io.eddy.engine.config.ServerConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code eddy server --config eddy.yaml [--plan]}: validates the whole config (nothing is applied
 * when any part is wrong), prints per object whether it is kept, rebuilt from the retained log,
 * new or dropped, and — unless {@code --plan} — applies that plan and serves the engine for
 * remote JDBC until the process is stopped (a shutdown hook closes the server and the engine).
 */
public final class ServerCommand {
  private final PrintStream out;

  /** A command printing its plan and progress to {@code out}. */
  public ServerCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs the server; returns the exit status (only when {@code --plan} or on failure). */
  public int run(List<String> args) throws InterruptedException {
    Path config = null;
    boolean planOnly = false;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--config", "-c" -> {
          if (++i >= args.size()) {
            throw new IllegalArgumentException("option --config needs a file");
          }
          config = Path.of(args.get(i));
        }
        case "--plan" -> planOnly = true;
        default -> throw new IllegalArgumentException("unknown option '" + args.get(i) + "'");
      }
    }
    if (config == null) {
      throw new IllegalArgumentException("eddy server needs --config FILE");
    }
    ServerConfig c = ConfigReader.read(config);
    ConfigPlan plan = Reconciler.plan(c);
    if (planOnly) {
      plan.lines().forEach(out::println);
      return 0;
    }
    Engine engine = Reconciler.apply(c, plan, line -> out.println("eddy server: " + line));
    EddyServer server;
    try {
      server = EddyServer.start(engine, c.listen(), c.token());
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } finally {
        engine.close();
      }
    }, "eddy-server-shutdown"));
    out.println("eddy server: listening on http://" + c.listen() + " (data in "
        + c.dataDir() + "); connect with jdbc:eddy:url=http://" + c.listen());
    out.flush();
    server.join();
    return 0;
  }
}
