package io.eddy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.TopicLog;
import io.eddy.log.file.FileLogStore;
import io.eddy.log.file.LogConfig;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The field-by-field appender writes exactly what the boxed append writes, under the same rules. */
class RowAppenderTest {
  private static final String COLUMNS = "(k VARCHAR, n BIGINT, i INT, d DOUBLE, m DECIMAL(10, 2), b BOOLEAN,"
      + " s VARCHAR, ts TIMESTAMP(3), day DATE)";

  @TempDir Path dir;

  private static List<String> rows(Result r) {
    return ResultRows.of(r);
  }

  private static Object[] randomRow(Random rnd) {
    Object[] row = {"key" + rnd.nextInt(50), rnd.nextLong(), rnd.nextInt(), rnd.nextGaussian(),
        BigDecimal.valueOf(rnd.nextInt(100_000), 2), rnd.nextBoolean(), rnd.nextInt(3) == 0 ? "héllo €" : "plain",
        1_700_000_000_000L + rnd.nextInt(1_000_000), rnd.nextInt(20_000)};
    for (int c = 1; c < row.length; c++) {
      if (rnd.nextInt(6) == 0) {
        row[c] = null;
      }
    }
    return row;
  }

  /** Sets every column with the typed setter a fast caller would use. */
  private static void set(RowAppender a, Object[] row, Random rnd) {
    for (int c = 0; c < row.length; c++) {
      Object v = row[c];
      if (v == null) {
        if (rnd.nextBoolean()) {
          a.setNull(c);
        }
      } else if (v instanceof String s) {
        byte[] utf8 = ("__" + s).getBytes(StandardCharsets.UTF_8);
        if (rnd.nextBoolean()) {
          a.setUtf8(c, utf8, 2, utf8.length - 2);
        } else {
          a.setString(c, s);
        }
      } else if (v instanceof Long n) {
        a.setLong(c, n);
      } else if (v instanceof Integer n) {
        a.setLong(c, n);
      } else if (v instanceof Double d) {
        a.setDouble(c, d);
      } else if (v instanceof Boolean b) {
        a.setBoolean(c, b);
      } else {
        a.setValue(c, v);
      }
    }
  }

  @Test
  void appenderAndBoxedAppendWriteTheSameRecordsToTheSamePartitions() {
    Random rnd = new Random(11);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(randomRow(rnd));
    }
    Path data = dir.resolve("data");
    try (Engine engine = Engine.open(EngineConfig.of(data)); Session s = engine.openSession()) {
      s.execute("CREATE STREAM boxed " + COLUMNS + " WITH (partitions = 3, key = 'k')");
      s.execute("CREATE STREAM typed " + COLUMNS + " WITH (partitions = 3, key = 'k')");
      s.execute("CREATE VIEW typed_count AS SELECT k, COUNT(*) AS c, SUM(n) AS n FROM typed GROUP BY k");
      engine.append("boxed", rows);
      try (RowAppender a = engine.appender("typed", 700)) {
        for (Object[] row : rows) {
          set(a, row, rnd);
          a.endRow();
        }
        assertEquals(3000 % 700, a.pending(), "full batches were flushed on the way");
      }
      assertEquals(rows(s.execute("SELECT k, COUNT(*), SUM(n) FROM boxed GROUP BY k ORDER BY k")),
          rows(s.execute("SELECT * FROM typed_count ORDER BY k")));
    }
    try (FileLogStore log = FileLogStore.open(data.resolve("log"), LogConfig.defaults())) {
      List<String> names = new ArrayList<>(log.topics());
      names.sort(null);
      assertEquals(2, names.size(), names.toString());
      TopicLog boxed = log.open(names.get(0));
      TopicLog typed = log.open(names.get(1));
      for (int p = 0; p < 3; p++) {
        List<String> expected = records(boxed, p);
        List<String> actual = records(typed, p);
        assertTrue(expected.size() > 500, "keys spread over the partitions");
        assertTrue(expected.equals(actual), "partition " + p + " holds other records: " + expected.size()
            + " written boxed, " + actual.size() + " by the appender");
      }
    }
  }

  private static List<String> records(TopicLog topic, int partition) {
    List<String> out = new ArrayList<>();
    topic.partition(partition).read(0, Integer.MAX_VALUE,
        (offset, ts, buf, off, len) -> out.add(Arrays.toString(Arrays.copyOfRange(buf, off, off + len))));
    return out;
  }

  @Test
  void refusedValuesAndRowsNameTheColumnAndKeepThePendingRows() {
    try (Engine engine = Engine.open(EngineConfig.of(dir.resolve("data"))); Session s = engine.openSession()) {
      s.execute("CREATE STREAM e (id INT NOT NULL, name VARCHAR, ts TIMESTAMP(3),"
          + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      try (RowAppender a = engine.appender("e", 100)) {
        a.setLong(0, 1).setString(1, "one").setLong(2, 1000L).endRow();
        EddyException range = assertThrows(EddyException.class, () -> a.setLong(0, 1L << 40));
        assertEquals(ErrorCode.DATA, range.code());
        assertEquals("column 'id' of e (INT NOT NULL) cannot hold 1099511627776: out of range", range.reason());
        assertThrows(EddyException.class, () -> a.setString(0, "x"));
        a.setString(1, "no id").setLong(2, 2000L);
        EddyException notNull = assertThrows(EddyException.class, a::endRow);
        assertEquals("column 'id' of e is NOT NULL, but a row has no value for it", notNull.reason());
        a.setLong(0, 3);
        EddyException noTime = assertThrows(EddyException.class, a::endRow);
        assertEquals("column 'ts' of e is its WATERMARK column, so every row needs a value for it", noTime.reason());
        a.setLong(0, 4).setLong(2, 4000L).endRow();
        assertEquals(2, a.flush());
      }
      assertEquals(List.of("[1, one, 1000]", "[4, null, 4000]"), rows(s.execute("SELECT * FROM e ORDER BY id")));
    }
  }
}
