package io.eddy.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.engine.Engine;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  private static final String STREAM = """
        - |
          CREATE STREAM bids (auction BIGINT, price BIGINT)
      """;
  private static final String HOT = """
        - |
          CREATE VIEW hot AS
            SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction
      """;

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private Path config(String statements) throws IOException {
    return write("eddy.yaml", """
        engine:
          data-dir: data
          checkpoint-interval: 2s
          fsync: none
        server:
          listen: 127.0.0.1:9999
        statements:
        """ + statements);
  }

  private EddyException refused(Path file) {
    EddyException e = assertThrows(EddyException.class,
        () -> Reconciler.plan(ConfigReader.read(file)));
    assertFalse(Files.exists(dir.resolve("data/catalog.json")), "nothing may be applied");
    return e;
  }

  @Test
  void readsSettingsAndStatements() throws IOException {
    ServerConfig c = ConfigReader.read(config(STREAM + HOT));
    assertEquals(dir.resolve("data"), c.dataDir());
    assertEquals(Duration.ofSeconds(2), c.checkpointInterval());
    assertEquals("none", c.fsync().orElseThrow());
    assertEquals(new ServerConfig.ListenAddress("127.0.0.1", 9999), c.listen());
    assertEquals(List.of("bids", "hot"), c.statements().stream().map(ConfigStatement::name).toList());
    assertEquals("none", c.engineConfig().settings().get("log.fsync"));
  }

  @Test
  void defaultsWhenSectionsAreMissing() throws IOException {
    ServerConfig c = ConfigReader.read(write("min.yaml", "statements: []\n"));
    assertEquals(ServerConfig.ListenAddress.DEFAULT, c.listen());
    assertEquals(dir.resolve("eddy-data"), c.dataDir());
    assertTrue(c.token().isEmpty());
  }

  @Test
  void jsonIsAccepted() throws IOException {
    Path file = write("eddy.json", "{\"engine\": {\"data-dir\": \"data\"}, \"statements\": "
        + "[\"CREATE STREAM s (a INT)\", \"CREATE VIEW v AS SELECT a FROM s\"]}");
    assertEquals(2, Reconciler.plan(ConfigReader.read(file)).steps(ConfigPlan.Action.CREATE).size());
  }

  @Test
  void restartKeepsRebuildsAndDrops() throws IOException {
    List<String> log = new ArrayList<>();
    try (Engine e = start(config(STREAM + HOT), log)) {
      e.append("bids", List.of(new Object[] {1L, 10L}, new Object[] {1L, 20L}, new Object[] {2L, 5L}));
    }
    assertEquals(List.of("stream bids: new", "view hot: new"), log);
    log.clear();
    try (Engine e = start(config(STREAM + HOT), log)) {
      assertEquals(List.of("stream bids: kept", "view hot: kept"), log);
      assertEquals(2, rows(e, "SELECT * FROM hot").size());
    }
    log.clear();
    String changed = """
          - CREATE VIEW hot AS SELECT auction, SUM(price) AS total FROM bids GROUP BY auction
          - CREATE VIEW top AS SELECT * FROM hot WHERE total > 10
        """;
    assertEquals(List.of("stream bids: kept",
            "view hot: rebuilt from the retained log (definition changed)", "view top: new"),
        Reconciler.plan(ConfigReader.read(config(STREAM + changed))).lines());
    try (Engine e = start(config(STREAM + changed), log)) {
      assertEquals(List.of(List.of(1L, 30L)), rows(e, "SELECT * FROM top"));
    }
    log.clear();
    String renamed = """
          - CREATE VIEW hot AS SELECT auction, SUM(price) AS total FROM bids GROUP BY auction HAVING COUNT(*) > 0
          - CREATE VIEW top AS SELECT * FROM hot WHERE total > 10
        """;
    assertEquals(List.of("stream bids: kept",
            "view hot: rebuilt from the retained log (definition changed)",
            "view top: rebuilt from the retained log (reads hot, which is rebuilt)"),
        Reconciler.plan(ConfigReader.read(config(STREAM + renamed))).lines());
    try (Engine e = start(config(STREAM), log)) {
      assertEquals(List.of("stream bids: kept", "view top: dropped", "view hot: dropped"), log);
      assertEquals(3, rows(e, "SELECT * FROM bids").size());
    }
  }

  @Test
  void changedStreamIsRefused() throws IOException {
    start(config(STREAM), new ArrayList<>()).close();
    String before = Files.readString(dir.resolve("data/catalog.json"));
    EddyException e = assertThrows(EddyException.class, () -> Reconciler.plan(ConfigReader.read(
        config("  - CREATE STREAM bids (auction BIGINT)\n"))));
    assertTrue(e.getMessage().startsWith("stream bids in the data directory has a different definition"),
        e.getMessage());
    assertTrue(e.getMessage().contains("(statement 1) in " + dir.resolve("eddy.yaml")
        + " at line 8, column 5"), e.getMessage());
    assertEquals(before, Files.readString(dir.resolve("data/catalog.json")));
  }

  @Test
  void badYamlIsRefusedWithItsLine() throws IOException {
    EddyException e = refused(config(STREAM + "  - 'unclosed\n"));
    assertTrue(e.getMessage().startsWith("invalid YAML"), e.getMessage());
    assertTrue(e.getMessage().contains("eddy.yaml at line 1"), e.getMessage()); // line 10 or 11: the scalar ends the file
  }

  @Test
  void parallelismBecomesTheEngineSettingAndIsChecked() throws IOException {
    ServerConfig c = ConfigReader.read(write("eddy.yaml", "engine:\n  data-dir: data\n  parallelism: 2\n"));
    assertEquals(2, c.parallelism());
    assertEquals("2", c.engineConfig().settings().get("parallelism"));
    assertEquals(null, ConfigReader.read(write("one.yaml", "engine:\n  data-dir: data\n")).engineConfig().settings()
        .get("parallelism"));
    EddyException e = refused(write("bad.yaml", "engine:\n  data-dir: data\n  parallelism: 0\n"));
    assertTrue(e.getMessage().startsWith("'0' is not a value of parallelism"), e.getMessage());
    assertTrue(e.getMessage().contains("bad.yaml at line 3"), e.getMessage());
  }

  @Test
  void unknownKeyIsRefusedWithItsLine() throws IOException {
    EddyException e = refused(write("eddy.yaml", "engine:\n  data-dir: data\n  dat-dir: x\n"));
    assertTrue(e.getMessage().startsWith("unknown key 'dat-dir' in engine in "), e.getMessage());
    assertTrue(e.getMessage().contains("eddy.yaml at line 3, column 3"), e.getMessage());
    assertTrue(e.getMessage().contains("hint: known keys: data-dir, checkpoint-interval, fsync"));
  }

  @Test
  void sqlSyntaxErrorIsPlacedAtItsFileLine() throws IOException {
    EddyException e = refused(config(STREAM + """
          - |
            CREATE VIEW hot AS
              SELECT auction, COUNT(*) AS n FROM bids GROUP BY
        """));
    // the view's text starts on file line 11; the error is on line 2 of that text, at its end
    assertTrue(e.getMessage().contains("(statement 2) in " + dir.resolve("eddy.yaml") + " at line 12"),
        e.getMessage());
  }

  @Test
  void planningErrorIsPlacedAtItsFileLineAndColumn() throws IOException {
    EddyException e = refused(config(STREAM + """
          - |
            CREATE VIEW hot AS
              SELECT auction, prize FROM bids
        """));
    assertTrue(e.getMessage().contains("'prize'"), e.getMessage());
    assertTrue(e.getMessage().contains("at line 12, column 23"), e.getMessage());
    assertTrue(e.getMessage().contains("      SELECT auction, prize FROM bids\n"
        + "                      ^^^^^"), e.getMessage());
  }

  @Test
  void errorInSqlFileNamesThatFile() throws IOException {
    write("views.sql", "-- views\nCREATE VIEW hot AS\n  SELECT nope FROM bids;\n");
    EddyException e = refused(config(STREAM + "  - file: views.sql\n"));
    assertTrue(e.getMessage().contains("(statement 2) in views.sql at line 3, column 10"), e.getMessage());
  }

  @Test
  void sqlFileByBarePath() throws IOException {
    write("views.sql", "CREATE VIEW a AS SELECT * FROM bids; CREATE VIEW b AS SELECT * FROM a;");
    ServerConfig c = ConfigReader.read(config(STREAM + "  - views.sql\n"));
    assertEquals(List.of("bids", "a", "b"), c.statements().stream().map(ConfigStatement::name).toList());
  }

  @Test
  void duplicateNamesAreRefused() throws IOException {
    EddyException e = refused(config(STREAM + "  - CREATE VIEW BIDS AS SELECT 1 AS x\n"));
    assertTrue(e.getMessage().startsWith("'BIDS' is created twice (first by statement 1, a stream)"
        + " (statement 2) in "), e.getMessage());
    assertTrue(e.getMessage().contains("eddy.yaml at line 10, column 17"), e.getMessage());
  }

  @Test
  void onlyCreateStatementsAreAccepted() throws IOException {
    EddyException e = refused(config(STREAM + "  - INSERT INTO bids VALUES (1, 2)\n"));
    assertTrue(e.getMessage().startsWith("only CREATE STREAM"), e.getMessage());
  }

  @Test
  void nonLoopbackListenNeedsAToken() throws IOException {
    EddyException e = refused(write("eddy.yaml", "server:\n  listen: 0.0.0.0:8765\n"));
    assertTrue(e.getMessage().startsWith("listening on 0.0.0.0:8765 (not a loopback address) requires "
        + "a token"), e.getMessage());
    assertTrue(e.getMessage().contains("at line 2"), e.getMessage());
    ServerConfig ok = ConfigReader.read(write("eddy.yaml",
        "server:\n  listen: 0.0.0.0:8765\n  token: abc\n"));
    assertEquals("abc", ok.token().orElseThrow());
  }

  @Test
  void badValuesAreRefused() throws IOException {
    assertTrue(refused(write("a.yaml", "engine:\n  checkpoint-interval: soon\n")).getMessage()
        .startsWith("'soon' is not a duration"));
    assertTrue(refused(write("b.yaml", "server:\n  listen: localhost\n")).getMessage()
        .startsWith("listen address 'localhost' is not host:port"));
    assertTrue(refused(write("c.yaml", "engine:\n  fsync: sometimes\n")).getMessage()
        .startsWith("unknown fsync policy"));
  }

  private Engine start(Path file, List<String> log) {
    ServerConfig c = ConfigReader.read(file);
    return Reconciler.apply(c, Reconciler.plan(c), log::add);
  }

  private static List<List<Object>> rows(Engine e, String sql) {
    try (Session s = e.openSession()) {
      Result.Rows rows = (Result.Rows) s.execute(sql);
      return rows.rows().stream().map(List::of).sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }
  }
}
