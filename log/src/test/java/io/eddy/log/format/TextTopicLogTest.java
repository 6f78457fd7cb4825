package io.eddy.log.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.log.LogRecord;
import io.eddy.log.PartitionLog;
import io.eddy.log.TopicLog;
import io.eddy.log.file.FileLogStore;
import io.eddy.log.file.LogConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text topics over an embedded log: rows round-trip through JSON and CSV, bad records are counted and skipped. */
class TextTopicLogTest {
  private static final RowType TYPE = new RowType(List.of(
      new Column("id", SqlType.of(TypeKind.BIGINT).withNullable(false)),
      new Column("name", SqlType.of(TypeKind.VARCHAR)),
      new Column("ok", SqlType.of(TypeKind.BOOLEAN)),
      new Column("n", SqlType.of(TypeKind.INT)),
      new Column("x", SqlType.of(TypeKind.DOUBLE)),
      new Column("price", SqlType.decimal(10, 2)),
      new Column("day", SqlType.of(TypeKind.DATE)),
      new Column("ts", SqlType.of(TypeKind.TIMESTAMP))));

  @TempDir
  Path dir;
  private FileLogStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private TopicLog raw() {
    store = FileLogStore.open(dir, LogConfig.defaults().withFsync(LogConfig.Fsync.NONE));
    return store.create("t", 1);
  }

  private static final Object[][] ROWS = {
      {1L, "plain", true, 7, 1.5, new BigDecimal("12.30"), 19_000, 1_700_000_000_123L},
      {2L, "with, comma and \"quotes\"\nand a newline", false, -3, -0.25, new BigDecimal("-1.05"), 0, 0L},
      {3L, null, null, null, null, null, null, null},
      {4L, " padded ", true, 0, 0.0, new BigDecimal("0.00"), -1, -1000L},
  };

  private static List<Object[]> readRows(PartitionLog log, List<Long> timestamps) {
    RowCodec codec = new RowCodec(TYPE);
    List<Object[]> out = new ArrayList<>();
    long next = 0;
    while (next < log.endOffset()) {
      next = log.read(next, 1 << 16, (o, ts, buf, off, len) -> {
        out.add(codec.decodeValues(buf, off, len));
        timestamps.add(ts);
      });
    }
    return out;
  }

  @Test
  void rowsRoundTripThroughJsonAndCsv() {
    TopicLog raw = raw();
    for (TextFormat.Kind kind : TextFormat.Kind.values()) {
      TextTopicLog topic = new TextTopicLog(store.create("t-" + kind, 1), new TextFormat(TYPE, kind), -1);
      RowCodec codec = new RowCodec(TYPE);
      List<LogRecord> records = new ArrayList<>();
      for (int i = 0; i < ROWS.length; i++) {
        records.add(LogRecord.of(500 + i, codec.encode(RowCodec.INSERT, ROWS[i])));
      }
      topic.partition(0).append(records);
      List<Long> times = new ArrayList<>();
      List<Object[]> back = readRows(topic.partition(0), times);
      assertEquals(ROWS.length, back.size(), kind + ": " + topic.malformed().first());
      for (int i = 0; i < ROWS.length; i++) {
        Object[] expected = ROWS[i].clone();
        if (kind == TextFormat.Kind.CSV && expected[1] == null) {
          expected[1] = ""; // CSV cannot tell a NULL VARCHAR from an empty one
        }
        assertArrayEquals(expected, back.get(i), kind + " row " + i);
        assertEquals(500 + i, times.get(i), "the record timestamp is kept without an event-time column");
      }
    }
    assertEquals(0, raw.partition(0).endOffset());
  }

  @Test
  void jsonIsWrittenWithColumnNamesAndTypedValues() {
    TopicLog raw = raw();
    TopicLog topic = new TextTopicLog(raw, new TextFormat(TYPE, TextFormat.Kind.JSON), -1);
    topic.partition(0).append(List.of(LogRecord.of(1, new RowCodec(TYPE).encode(RowCodec.INSERT, ROWS[0]))));
    List<String> text = new ArrayList<>();
    raw.partition(0).read(0, 1 << 16, (o, ts, buf, off, len) -> text.add(new String(buf, off, len, UTF_8)));
    assertEquals("{\"id\":1,\"name\":\"plain\",\"ok\":true,\"n\":7,\"x\":1.5,\"price\":12.30,\"day\":\"2022-01-08\","
        + "\"ts\":\"2023-11-14 22:13:20.123\"}", text.get(0));
  }

  @Test
  void malformedRecordsAreSkippedAndCountedOnceWithTheirPositions() {
    TopicLog raw = raw();
    TextTopicLog topic = new TextTopicLog(raw, new TextFormat(TYPE, TextFormat.Kind.JSON), TYPE.indexOf("ts"));
    List<String> lines = List.of(
        "{\"id\": 1, \"ts\": \"2024-01-01 00:00:01\"}",
        "not json",
        "{\"id\": \"x\", \"ts\": 5}",
        "{\"id\": 4}",
        "{\"name\": \"no id\", \"ts\": 5}",
        "[1, 2]",
        "{\"id\": 7, \"ts\": 1000, \"extra\": 1}",
        "{\"id\": 8, \"ts\": 2000}");
    List<LogRecord> records = new ArrayList<>();
    for (String l : lines) {
      records.add(LogRecord.of(42, l.getBytes(UTF_8)));
    }
    raw.partition(0).append(records);
    for (int reader = 0; reader < 2; reader++) {
      List<Long> times = new ArrayList<>();
      List<Object[]> rows = readRows(topic.partition(0), times);
      assertEquals(2, rows.size());
      assertEquals(1L, rows.get(0)[0]);
      assertEquals(8L, rows.get(1)[0]);
      assertEquals(List.of(1_704_067_201_000L, 2000L), times, "event time replaces the record timestamp");
    }
    assertEquals(6, topic.malformed().count(), "counted once though read twice");
    List<MalformedRecords.Problem> first = topic.malformed().first();
    assertEquals(MalformedRecords.REPORTED, first.size());
    assertEquals(1, first.get(0).offset());
    assertTrue(first.get(0).reason().contains("not valid JSON"), first.get(0).reason());
    assertTrue(first.get(1).reason().contains("column id"), first.get(1).reason());
    assertTrue(first.get(2).reason().contains("event time"), first.get(2).reason());
    assertTrue(first.get(3).reason().contains("NOT NULL"), first.get(3).reason());
    assertTrue(first.get(4).reason().contains("JSON object"), first.get(4).reason());
  }
}
