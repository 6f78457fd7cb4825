package io.eddy.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell: a jline prompt ({@code eddy> }, continuation {@code    -> }) that reads
 * statements until their terminating semicolon, with persistent history. It needs the process's
 * terminal; piped input is run as a script instead (see {@link ShellCommand}). Ctrl-C while a
 * statement runs cancels it (ending a SUBSCRIBE) and returns to the prompt; {@code \q},
 * {@code quit}, {@code exit} or Ctrl-D leave.
 */
final class InteractiveShell {
  private static final Set<String> QUIT = Set.of("\\q", "quit", "exit");

  /** Opens the terminal the shell runs on (the process's own, or a virtual one in tests). */
  interface TerminalFactory {
    Terminal open() throws IOException;
  }

  private final ScriptCommand script;
  private final StatementRunner runner;
  private final Path historyFile;
  private final java.sql.Connection connection;
  private final TerminalFactory terminals;

  InteractiveShell(ScriptCommand script, StatementRunner runner, Path historyFile,
      java.sql.Connection connection, TerminalFactory terminals) {
    this.script = script;
    this.runner = runner;
    this.historyFile = historyFile;
    this.connection = connection;
    this.terminals = terminals;
  }

  /** The process's terminal. */
  static Terminal systemTerminal() throws IOException {
    return TerminalBuilder.builder().system(true).build();
  }

  /** Runs the prompt loop until the user leaves; returns the exit status (0). */
  int run() throws IOException {
    runner.useLiveTables();
    try (Terminal terminal = terminals.open()) {
      LineReader reader = LineReaderBuilder.builder()
          .terminal(terminal)
          .appName("eddy")
          .parser(new StatementLineParser())
          .completer(new SqlCompleter(connection))
          .highlighter(new SqlHighlighter())
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
          .variable(LineReader.HISTORY_FILE, historyFile)
          .variable(LineReader.SECONDARY_PROMPT_PATTERN, "   -> ")
          .build();
      while (true) {
        String input;
        try {
          input = reader.readLine("eddy> ");
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return 0;
        }
        if (QUIT.contains(strip(input))) {
          return 0;
        }
        String command = BackslashCommands.translate(input, new java.io.PrintStream(terminal.output(), true));
        runCancellable(terminal, command != null ? command : input);
      }
    }
  }

  private void runCancellable(Terminal terminal, String input) {
    SignalHandler previous = terminal.handle(Signal.INT, signal -> runner.cancel());
    try {
      script.runScript(input, "");
    } finally {
      terminal.handle(Signal.INT, previous);
    }
  }

  private static String strip(String input) {
    String s = input.strip();
    return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
  }

  /** Accepts a line only once its statement is terminated (or it is a quit command). */
  private static final class StatementLineParser implements Parser {
    private final DefaultParser words = new DefaultParser();

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && !line.strip().startsWith("\\")
          && !QUIT.contains(strip(line)) && !ScriptSplitter.isComplete(line)) {
        throw new EOFError(-1, -1, "statement not terminated by ';'");
      }
      // the default parser only splits words (for completion); quotes are ours to judge
      return words.parse(line, cursor,
          context == ParseContext.ACCEPT_LINE ? ParseContext.SPLIT_LINE : context);
    }
  }
}
