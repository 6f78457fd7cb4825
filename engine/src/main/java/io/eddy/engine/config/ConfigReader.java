package io.eddy.engine.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.config.ServerConfig.ListenAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an {@code eddy server} config file (YAML, or JSON when the name ends in {@code .json}):
 * <pre>
 * engine:
 *   data-dir: ./eddy-data            # relative to the config file; default ./eddy-data
 *   checkpoint-interval: 1s          # ms, s, m, h or ISO-8601; default 1s
 *   fsync: batch                     # batch | interval | none; default batch
 *   parallelism: 2                   # workers per standing query, 1 to 64; default 1
 * server:
 *   listen: 127.0.0.1:8765           # default; a non-loopback address needs a token
 *   token: s3cret
 * statements:
 *   - CREATE STREAM bids (...)       # inline, one or more statements
 *   - file: views.sql                # or a .sql file relative to the config file
 *   - more.sql                       # (a lone path ending in .sql is a file too)
 * </pre>
 * Everything is checked before anything is returned: YAML syntax (at Jackson's location), unknown
 * or repeated keys, values, SQL syntax of every statement, that every statement is a CREATE
 * STREAM/TABLE/VIEW, and that no name is created twice. Every error is an {@link EddyException}
 * ({@code CONFIG}, or the SQL error's own code) naming the file, line and column. Stateless.
 */
public final class ConfigReader {
  private ConfigReader() {}

  /** Reads and validates {@code file}. */
  public static ServerConfig read(Path file) {
    ConfigSource source = new ConfigSource(file.toString(), readText(file, null, null));
    Path base = file.toAbsolutePath().getParent();
    JsonFactory factory = file.toString().toLowerCase(Locale.ROOT).endsWith(".json")
        ? new JsonFactory() : new YAMLFactory();
    try (JsonParser p = factory.createParser(source.text())) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      return new ConfigReader.Walk(source, base, p).config();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw source.error(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
          "invalid " + (factory instanceof YAMLFactory ? "YAML" : "JSON") + ": "
              + e.getOriginalMessage().lines().findFirst().orElse(""), null);
    } catch (IOException e) {
      throw new EddyException(ErrorCode.CONFIG, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static String readText(Path file, ConfigSource from, JsonLocation at) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      String reason = "cannot read " + file + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage());
      if (from == null) {
        throw new EddyException(ErrorCode.CONFIG, reason, e);
      }
      throw from.error(at.getLineNr(), at.getColumnNr(), reason, null);
    }
  }

  /** One pass over the token stream of one file. Not thread-safe. */
  private static final class Walk {
    private final ConfigSource source;
    private final Path base;
    private final JsonParser p;
    private Path dataDir;
    private Duration checkpointInterval = ServerConfig.DEFAULT_CHECKPOINT_INTERVAL;
    private Optional<String> fsync = Optional.empty();
    private int parallelism = 1;
    private ListenAddress listen = ListenAddress.DEFAULT;
    private JsonLocation listenAt;
    private Optional<String> token = Optional.empty();
    private final StatementCollector statements = new StatementCollector();

    Walk(ConfigSource source, Path base, JsonParser p) {
      this.source = source;
      this.base = base;
      this.p = p;
      this.dataDir = base.resolve("eddy-data").normalize();
    }

    ServerConfig config() throws IOException {
      JsonToken first = p.nextToken();
      if (first != null) {
        object("the top level", this::topLevel);
      }
      if (p.nextToken() != null) {
        throw source.error(at().getLineNr(), at().getColumnNr(), "unexpected content", null);
      }
      if (token.isEmpty() && !ListenCheck.isLoopback(listen)) {
        JsonLocation where = listenAt != null ? listenAt : p.currentLocation();
        throw source.error(where.getLineNr(), where.getColumnNr(), "listening on " + listen
            + " (not a loopback address) requires a token", "set server.token, or listen on 127.0.0.1");
      }
      return new ServerConfig(source, dataDir, checkpointInterval, fsync, parallelism, listen, token,
          statements.done());
    }

    private interface Field {
      void read(String key, JsonLocation at) throws IOException;
    }

    /** Reads the object at the current token, calling {@code field} with each key's value current. */
    private void object(String what, Field field) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw expected("a mapping for " + what);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation at = at();
        p.nextToken();
        field.read(key, at);
      }
    }

    private void topLevel(String key, JsonLocation at) throws IOException {
      switch (key) {
        case "engine" -> object("engine", this::engine);
        case "server" -> object("server", this::server);
        case "statements" -> statementList();
        default -> throw unknown(key, at, "the top level", "engine, server, statements");
      }
    }

    private void engine(String key, JsonLocation at) throws IOException {
      switch (key) {
        case "data-dir" -> dataDir = base.resolve(scalar(key)).normalize();
        case "checkpoint-interval" -> checkpointInterval = duration(scalar(key));
        case "fsync" -> fsync = Optional.of(fsync(scalar(key)));
        case "parallelism" -> parallelism = parallelism(scalar(key));
        default -> throw unknown(key, at, "engine", "data-dir, checkpoint-interval, fsync, parallelism");
      }
    }

    private void server(String key, JsonLocation at) throws IOException {
      switch (key) {
        case "listen" -> {
          listenAt = at();
          listen = ListenCheck.parse(scalar(key), source, listenAt);
        }
        case "token" -> {
          String t = scalar(key);
          if (t.isBlank()) {
            throw source.error(at().getLineNr(), at().getColumnNr(), "the token is empty", null);
          }
          token = Optional.of(t);
        }
        default -> throw unknown(key, at, "server", "listen, token");
      }
    }

    private void statementList() throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw expected("a list of statements");
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        JsonLocation at = at();
        if (p.currentToken() == JsonToken.START_OBJECT) {
          String[] file = new String[1];
          object("a statement file", (key, keyAt) -> {
            if (!key.equals("file")) {
              throw unknown(key, keyAt, "a statement entry", "file");
            }
            file[0] = scalar(key);
          });
          if (file[0] == null) {
            throw source.error(at.getLineNr(), at.getColumnNr(), "a statement entry needs 'file'", null);
          }
          sqlFile(file[0], at);
        } else {
          String text = scalar("a statement");
          if (isFileName(text)) {
            sqlFile(text, at);
          } else {
            statements.add(text, inline(at));
          }
        }
      }
    }

    private void sqlFile(String name, JsonLocation at) {
      Path file = base.resolve(name);
      ConfigSource sql = new ConfigSource(name, readText(file, source, at));
      statements.add(sql.text(), TextOrigin.wholeFile(sql));
    }

    /** Where an inline scalar's text stands: block scalars start on the line after | or >. */
    private TextOrigin inline(JsonLocation at) {
      String[] lines = source.text().split("\r?\n", -1);
      int line = at.getLineNr();
      int column = at.getColumnNr();
      String row = line - 1 < lines.length ? lines[line - 1] : "";
      char c = column - 1 < row.length() ? row.charAt(column - 1) : ' ';
      if (c == '|' || c == '>') {
        int first = line + 1;
        while (first - 1 < lines.length && lines[first - 1].isBlank()) {
          first++;
        }
        String content = first - 1 < lines.length ? lines[first - 1] : "";
        int indent = content.length() - content.stripLeading().length();
        return new TextOrigin(source, first, indent + 1, c == '|');
      }
      boolean quoted = c == '"' || c == '\'';
      return new TextOrigin(source, line, column + (quoted ? 1 : 0), false);
    }

    private static boolean isFileName(String text) {
      String t = text.strip();
      return t.toLowerCase(Locale.ROOT).endsWith(".sql") && t.chars().noneMatch(Character::isWhitespace);
    }

    private String scalar(String key) throws IOException {
      if (!p.currentToken().isScalarValue() || p.currentToken() == JsonToken.VALUE_NULL) {
        throw expected("a value for " + key);
      }
      return p.getText();
    }

    private Duration duration(String text) {
      try {
        return Durations.parse(text);
      } catch (IllegalArgumentException e) {
        throw source.error(at().getLineNr(), at().getColumnNr(), e.getMessage(), null);
      }
    }

    private String fsync(String text) {
      try {
        return io.eddy.log.file.LogConfig.Fsync.parse(text).name().toLowerCase(Locale.ROOT);
      } catch (EddyException e) {
        throw source.error(at().getLineNr(), at().getColumnNr(), e.reason(), null);
      }
    }

    private int parallelism(String text) {
      try {
        return io.eddy.engine.internal.parallel.Parallelism.parse(text);
      } catch (EddyException e) {
        throw source.error(at().getLineNr(), at().getColumnNr(), e.reason(), e.hint());
      }
    }

    private EddyException unknown(String key, JsonLocation at, String where, String known) {
      return source.error(at.getLineNr(), at.getColumnNr(), "unknown key '" + key + "' in " + where,
          "known keys: " + known);
    }

    private EddyException expected(String what) {
      return source.error(at().getLineNr(), at().getColumnNr(), "expected " + what, null);
    }

    private JsonLocation at() {
      return p.currentTokenLocation();
    }
  }
}
