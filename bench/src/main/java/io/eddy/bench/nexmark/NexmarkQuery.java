package io.eddy.bench.nexmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One Nexmark query in Eddy SQL (resource {@code qN.sql} beside this class): the Flink text with
 * its blackhole sink table and {@code INSERT INTO nexmark_qN} rewritten into
 * {@code CREATE VIEW nexmark_qN AS}; see bench/README.md for every other difference.
 *
 * @param name {@code q0} ... {@code q22}
 * @param setup statements to run first (helper views and tables), in order
 * @param select the body of the final {@code CREATE VIEW nexmark_qN AS ...}
 */
public record NexmarkQuery(String name, List<String> setup, String select) {
  private static final Pattern VIEW =
      Pattern.compile("(?is)^\\s*CREATE\\s+VIEW\\s+nexmark_(q\\d+)\\s+AS\\s+(.*)$");

  public NexmarkQuery {
    setup = List.copyOf(setup);
  }

  /** q0 to q22, in order. */
  public static List<String> names() {
    return IntStream.rangeClosed(0, 22).mapToObj(i -> "q" + i).toList();
  }

  /** Loads query {@code name}; an unknown name is an {@link IllegalArgumentException}. */
  public static NexmarkQuery load(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (!names().contains(n)) {
      throw new IllegalArgumentException("unknown Nexmark query '" + name + "' (expected q0 .. q22 or all)");
    }
    List<String> statements = statements(resource(n + ".sql"));
    Matcher m = VIEW.matcher(statements.get(statements.size() - 1));
    if (!m.matches() || !m.group(1).equalsIgnoreCase(n)) {
      throw new IllegalStateException(n + ".sql must end with CREATE VIEW nexmark_" + n + " AS ...");
    }
    return new NexmarkQuery(n, statements.subList(0, statements.size() - 1), m.group(2));
  }

  /** The DDL of the streams person, auction and bid with {@code partitions} partitions each, keeping their whole log. */
  public static String schema(int partitions) {
    return schema(partitions, 0);
  }

  /**
   * The DDL of the streams person, auction and bid with {@code partitions} partitions each and,
   * unless {@code retentionMb} is 0, {@code retention = 'retentionMb MB'}.
   */
  public static String schema(int partitions, int retentionMb) {
    String options = "partitions = " + partitions + (retentionMb == 0 ? "" : ", retention = '" + retentionMb + " MB'");
    return resource("schema.sql").replace("${OPTIONS}", options);
  }

  /**
   * Splits a script into statements: {@code --} comments are removed up to the end of the line and
   * statements end at {@code ;}. (The query files hold no string literal with {@code --} or
   * {@code ;}.)
   */
  static List<String> statements(String script) {
    String plain = script.replaceAll("--[^\n]*", "");
    List<String> out = new ArrayList<>();
    for (String s : plain.split(";")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static String resource(String file) {
    try (InputStream in = NexmarkQuery.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("resource " + file + " is missing from the bench jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
