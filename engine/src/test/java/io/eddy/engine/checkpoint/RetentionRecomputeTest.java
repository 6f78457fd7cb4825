package io.eddy.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.RowAppender;
import io.eddy.engine.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A derived stream whose checkpoints are gone cannot be recomputed once its source's retention has
 * deleted records: reading it fails with that reason as {@code NOT_FOUND}, a state of the data the
 * user can act on, not as an internal error ("a bug in Eddy").
 */
class RetentionRecomputeTest {
  @TempDir Path dir;

  @Test
  void aDerivedStreamItsSourceNoLongerHoldsFailsWithNotFound() throws IOException {
    Map<String, String> settings = Map.of("log.fsync", "none");
    try (Engine e = Engine.open(new EngineConfig(dir, settings)); Session s = e.openSession()) {
      s.executeScript("CREATE STREAM src (id BIGINT, pad VARCHAR) WITH (retention = '1 MB');"
          + "CREATE STREAM ids AS SELECT id FROM src;");
      // 140 records of 1 MB: two rolls of the 64 MB segments, so retention deletes the first one
      byte[] pad = new byte[1 << 20];
      Arrays.fill(pad, (byte) 'x');
      try (RowAppender a = e.appender("src", 1)) {
        for (int i = 0; i < 140; i++) {
          a.setLong(0, i).setUtf8(1, pad, 0, pad.length).endRow();
        }
      }
      assertEquals(140L, ((Number) firstValue(s, "SELECT COUNT(*) FROM ids")).longValue());
    }
    try (Stream<Path> files = Files.walk(dir.resolve("checkpoints"))) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    try (Engine e = Engine.open(new EngineConfig(dir, settings)); Session s = e.openSession()) {
      EddyException failed = assertThrows(EddyException.class, () -> s.execute("SELECT COUNT(*) FROM ids"));

      assertEquals(ErrorCode.NOT_FOUND, failed.code(), failed.getMessage());
      assertTrue(failed.reason().contains("no longer holds its records below offset"), failed.reason());
    }
  }

  private static Object firstValue(Session s, String sql) {
    return ((io.eddy.engine.Result.Rows) s.execute(sql)).rows().get(0)[0];
  }
}
