package io.eddy.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code eddy} run as a child process on the test class path, its output collected. */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final StringBuffer out = new StringBuffer();
  private final StringBuffer err = new StringBuffer();

  private ServerProcess(Process process) {
    this.process = process;
    pump(process.getInputStream(), out);
    pump(process.getErrorStream(), err);
  }

  /** Starts {@code eddy args...} in {@code dir}. */
  static ServerProcess start(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ServerProcess(new ProcessBuilder(command).directory(dir.toFile()).start());
  }

  /** Waits until standard output contains {@code text}; fails if the process ends first. */
  String awaitOutput(String text, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!out.toString().contains(text)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' from the server (alive: " + process.isAlive()
            + ")\nstdout:\n" + out + "\nstderr:\n" + err);
      }
      Thread.sleep(20);
    }
    return out.toString();
  }

  /** Waits for the process to exit by itself; returns its status. */
  int exitStatus(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the process did not end\nstdout:\n" + out + "\nstderr:\n" + err);
    }
    return process.exitValue();
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Stops the process as Ctrl-C or kill would (SIGTERM: shutdown hooks run) and waits. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static void pump(java.io.InputStream in, StringBuffer into) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          into.append(line).append('\n');
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "server-output");
    t.setDaemon(true);
    t.start();
  }
}
