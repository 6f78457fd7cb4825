package io.eddy.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.sql.ast.CreateStream;
import io.eddy.sql.ast.CreateView;
import io.eddy.sql.ast.Insert;
import io.eddy.sql.ast.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Flink-dialect Nexmark queries (test resources {@code nexmark/}) parse as Eddy scripts after
 * a mechanical DDL rewrite ({@link #rewrite}); every query body goes through Calcite on the way.
 */
class NexmarkParseTest {

  static Stream<String> queries() {
    return IntStream.rangeClosed(0, 22).mapToObj(i -> "q" + i);
  }

  /**
   * The mechanical rewrite of Flink DDL: sink tables without a key become streams
   * ({@code CREATE TABLE} to {@code CREATE STREAM}), {@code PARTITIONED BY (...)} (q10) and
   * {@code CREATE FUNCTION} (q14) are dropped. Query text is untouched.
   */
  static String rewrite(String flink) {
    return flink.replaceAll("(?i)CREATE TABLE", "CREATE STREAM")
        .replaceAll("(?i)PARTITIONED BY \\([^)]*\\)", "")
        .replaceAll("(?is)CREATE FUNCTION[^;]*;", "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void queryParses(String name) {
    List<Statement> statements = StatementParser.parseScript(rewrite(read(name + ".sql")));

    assertInstanceOf(CreateStream.class, statements.get(0));
    Insert insert = assertInstanceOf(Insert.class, statements.get(statements.size() - 1));
    assertEquals("nexmark_" + name, insert.target().name());
    assertTrue(insert.source().sql().toUpperCase().startsWith("SELECT"), insert.source().sql());
  }

  /** q23 writes {@code A.dateTime} unquoted; DATETIME is reserved in Calcite, so the query needs backticks. */
  @Test
  void q23NeedsBackticksAroundDateTime() {
    String q23 = rewrite(read("q23.sql"));

    EddyException e = assertThrows(EddyException.class, () -> StatementParser.parseScript(q23));
    assertEquals(56, e.span().line(), e.getMessage());
    assertEquals(9, e.span().column(), e.getMessage());
    assertEquals("'dateTime' is a reserved word; quote it as `dateTime` to use it as a name", e.hint());

    List<Statement> quoted = StatementParser.parseScript(q23.replace("A.dateTime", "A.`dateTime`"));
    assertEquals(2, quoted.size());
  }

  @Test
  void viewsParseOnceTheTableIsNamed() {
    String views = read("ddl_views.sql").replace("${NEXMARK_TABLE}", "datagen");

    List<Statement> statements = StatementParser.parseScript(views);

    assertEquals(List.of("person", "auction", "bid"),
        statements.stream().map(s -> ((CreateView) s).name().name()).toList());
  }

  @Test
  void generatorDdlNeedsARewriteIntoStreams() {
    EddyException e = assertThrows(EddyException.class,
        () -> StatementParser.parseScript(rewrite(read("ddl_gen.sql"))));

    assertEquals(ErrorCode.SYNTAX, e.code());
    assertEquals(3, e.span().line(), e.getMessage());
  }

  private static String read(String file) {
    try (InputStream in = NexmarkParseTest.class.getResourceAsStream("/nexmark/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
