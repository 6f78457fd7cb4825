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
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The field-by-field appender writes exactly what the boxed append writes, under the same rules. */
class RowAppenderTest {
  private static final String COLUMNS = "(k VARCHAR, n BIGINT, i INT, d DOUBLE, m DECIMAL(10, 2), b BOOLEAN,"
      + " s VARCHAR, ts TIMESTAMP(3), day DATE)";

  @TempDir Path dir;

  private static List<String> rows(Result r) {
    return ResultRows.of(r);
  }

  private static Object[] randomRow(Random rnd) {
    Object[] row = {"key" + rnd.nextInt(50), rnd.nextInt() * 1000L, rnd.nextInt(), rnd.nextGaussian(),
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
      setColumn(a, c, row[c], rnd);
    }
  }

  private static void setColumn(RowAppender a, int c, Object v, Random rnd) {
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
      // random BIGINTs: an integer SUM would overflow (a runtime error); an exact DECIMAL sum does not
      s.execute("CREATE VIEW typed_count AS SELECT k, COUNT(*) AS c, SUM(CAST(n AS DECIMAL(38, 0))) AS n FROM typed "
          + "GROUP BY k");
      engine.append("boxed", rows);
      try (RowAppender a = engine.appender("typed", 700)) {
        for (Object[] row : rows) {
          set(a, row, rnd);
          a.endRow();
        }
        assertEquals(3000 % 700, a.pending(), "full batches were flushed on the way");
      }
      assertEquals(rows(s.execute("SELECT k, COUNT(*), SUM(CAST(n AS DECIMAL(38, 0))) FROM boxed GROUP BY k ORDER BY k")),
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

  /**
   * Rows whose columns come in order are encoded as they are set; every other way of setting a
   * row (out of order, a column set twice, a value converted, a refused value, a flush or a
   * discarded row halfway) moves it to the staged path halfway. Either way the log must hold what the boxed append
   * writes, record timestamps included, in the same round-robin partitions.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void rowsSetInAnyOrderWriteWhatTheBoxedAppendWrites(int partitions) {
    Random rnd = new Random(29 + partitions);
    List<Object[]> rows = watermarkedRows(rnd, 3000);
    int[] ways = new int[7];
    assertTypedAppendWritesWhatTheBoxedAppendWrites(partitions, rows, (a, i) -> {
      int way = rnd.nextInt(ways.length);
      ways[way]++;
      setSomeWay(a, rows.get(i), way, rnd);
    });
    assertTrue(Arrays.stream(ways).allMatch(n -> n > 300), Arrays.toString(ways));
  }

  /**
   * A caller that sets every row's columns another way (here backwards, then with converted longs)
   * spills row after row; after 32 such rows the appender stages whole runs of rows from their
   * first value, then tries the in-order path again. Rows set in order between and after those
   * runs, and the runs' ends, keep to the same rule: the log holds what the boxed append writes.
   */
  @Test
  void callersThatSetColumnsAnotherWayRowAfterRowWriteWhatTheBoxedAppendWrites() {
    Random rnd = new Random(41);
    List<Object[]> rows = watermarkedRows(rnd, 6500);
    assertTypedAppendWritesWhatTheBoxedAppendWrites(3, rows, (a, i) -> {
      int way = i < 2500 ? 1 : i < 2700 ? 0 : i < 5200 ? 3 : 0; // backwards, in order, converted, in order
      setSomeWay(a, rows.get(i), way, rnd);
    });
  }

  /** {@code n} random rows whose WATERMARK column is never NULL, a quarter of their DECIMALs whole. */
  private static List<Object[]> watermarkedRows(Random rnd, int n) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object[] row = randomRow(rnd);
      row[7] = 1_700_000_000_000L + rnd.nextInt(1_000_000); // the WATERMARK column: never NULL
      if (rnd.nextInt(4) == 0 && row[4] != null) {
        row[4] = BigDecimal.valueOf(rnd.nextInt(1000)).setScale(2); // a whole DECIMAL, set as a long by way 3
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Appends {@code rows} to one stream with the boxed append and to another through an appender
   * ({@code setRow} sets row i; the test ends it), then checks that both logs hold the same
   * records with the same timestamps in the same round-robin partitions.
   */
  private void assertTypedAppendWritesWhatTheBoxedAppendWrites(int partitions, List<Object[]> rows,
      ObjIntConsumer<RowAppender> setRow) {
    String columns = COLUMNS.substring(0, COLUMNS.length() - 1) + ", WATERMARK FOR ts AS ts)";
    Path data = dir.resolve("data");
    try (Engine engine = Engine.open(EngineConfig.of(data)); Session s = engine.openSession()) {
      s.execute("CREATE STREAM boxed " + columns + " WITH (partitions = " + partitions + ")");
      s.execute("CREATE STREAM typed " + columns + " WITH (partitions = " + partitions + ")");
      engine.append("boxed", rows);
      try (RowAppender a = engine.appender("typed", 500)) {
        for (int i = 0; i < rows.size(); i++) {
          setRow.accept(a, i);
          a.endRow();
        }
      }
    }
    try (FileLogStore log = FileLogStore.open(data.resolve("log"), LogConfig.defaults())) {
      List<String> names = new ArrayList<>(log.topics());
      names.sort(null);
      TopicLog boxed = log.open(names.get(0));
      TopicLog typed = log.open(names.get(1));
      for (int p = 0; p < partitions; p++) {
        List<String> expected = timedRecords(boxed, p);
        List<String> actual = timedRecords(typed, p);
        assertEquals((rows.size() + partitions - 1 - p) / partitions, expected.size());
        assertEquals(expected.size(), actual.size(), "partition " + p);
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(expected.get(i), actual.get(i), "partition " + p + ", record " + i);
        }
      }
    }
  }

  /** Sets {@code row} on {@code a} in one of seven ways (see the test above). */
  private static void setSomeWay(RowAppender a, Object[] row, int way, Random rnd) {
    switch (way) {
      case 0 -> set(a, row, rnd); // in order
      case 1 -> { // backwards
        for (int c = row.length - 1; c >= 0; c--) {
          setColumn(a, c, row[c], rnd);
        }
      }
      case 2 -> { // in order, then an earlier column again (or a NULL one given a value and taken back)
        set(a, row, rnd);
        int c = rnd.nextInt(row.length - 1);
        if (row[c] == null) {
          a.setString(0, "replaced").setValue(0, row[0]);
        } else {
          a.setValue(c, row[c]);
        }
      }
      case 3 -> { // in order, whole DECIMALs and integral DOUBLEs given as longs (converted)
        for (int c = 0; c < row.length; c++) {
          if (row[c] instanceof BigDecimal m && m.stripTrailingZeros().scale() <= 0) {
            a.setLong(c, m.longValueExact());
          } else if (row[c] instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            a.setLong(c, d.longValue());
          } else {
            a.setValue(c, row[c]);
          }
        }
      }
      case 4 -> { // in order, with a refused value on the way
        int bad = 1 + rnd.nextInt(row.length - 1);
        for (int c = 0; c < row.length; c++) {
          if (c == bad) {
            assertThrows(EddyException.class, () -> a.setString(bad == 6 ? 1 : bad, "text"));
          }
          a.setValue(c, row[c]);
        }
      }
      case 5 -> { // in order, flushed halfway (the half row must not reach the log)
        int half = 1 + rnd.nextInt(row.length - 1);
        set(a, Arrays.copyOf(row, half), rnd);
        a.flush();
        for (int c = half; c < row.length; c++) {
          setColumn(a, c, row[c], rnd);
        }
      }
      default -> { // half a row discarded first
        set(a, Arrays.copyOf(row, 1 + rnd.nextInt(row.length - 1)), rnd);
        a.setLong(7, 1L);
        a.discardRow();
        set(a, row, rnd);
      }
    }
  }

  private static List<String> timedRecords(TopicLog topic, int partition) {
    List<String> out = new ArrayList<>();
    topic.partition(partition).read(0, Integer.MAX_VALUE,
        (offset, ts, buf, off, len) -> out.add(ts + " " + Arrays.toString(Arrays.copyOfRange(buf, off, off + len))));
    return out;
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
