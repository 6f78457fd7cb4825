package io.eddy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY from real JSON-lines and CSV files: loads, refuses malformed input whole, or skips it and says where. */
class CopyTest {
  @TempDir Path dir;

  private static List<String> rows(Result r) {
    return ResultRows.of(r);
  }

  private Session open(Engine engine) {
    Session s = engine.openSession();
    s.execute("CREATE STREAM bids (auction BIGINT, price DECIMAL(10, 2), bidder VARCHAR, ts TIMESTAMP(3))");
    s.execute("CREATE VIEW per_auction AS SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction");
    return s;
  }

  @Test
  void jsonLinesLoadAndFeedViews() throws Exception {
    Path f = Files.writeString(dir.resolve("bids.json"), """
        {"auction": 1, "price": 10.5, "bidder": "ann", "ts": "2024-01-01 10:00:00"}
        {"Auction": 1, "price": "12", "bidder": null, "ts": 1704103205000}

        {"auction": 2, "price": 3.25, "ts": "2024-01-01T10:00:09Z"}
        """);
    try (Engine engine = Engine.open(EngineConfig.of(dir.resolve("data"))); Session s = open(engine)) {
      Result.Status st = (Result.Status) s.execute("COPY bids FROM '" + f + "'");
      assertEquals(3, st.updateCount());
      assertEquals(null, s.progress(), "progress is only reported while the COPY runs");
      assertEquals(List.of("[1, 2]", "[2, 1]"), rows(s.execute("SELECT * FROM per_auction ORDER BY auction")));
      assertEquals(List.of("[1, 10.50, ann, 1704103200000]", "[1, 12.00, null, 1704103205000]",
          "[2, 3.25, null, 1704103209000]"), rows(s.execute("SELECT * FROM bids ORDER BY ts")));
    }
  }

  @Test
  void malformedRecordFailsTheWholeCopyWithItsLine() throws Exception {
    Path f = Files.writeString(dir.resolve("bids.csv"), "auction,price,bidder,ts\n"
        + "1,10,ann,2024-01-01 10:00:00\n2,ten,bob,2024-01-01 10:00:01\n");
    try (Engine engine = Engine.open(EngineConfig.of(dir.resolve("data"))); Session s = open(engine)) {
      EddyException e = assertThrows(EddyException.class, () -> s.execute("COPY bids FROM '" + f + "'"));
      assertEquals(ErrorCode.DATA, e.code());
      assertTrue(e.reason().contains("line 3") && e.reason().contains("price"), e.reason());
      assertEquals(List.of("[0]"), rows(s.execute("SELECT COUNT(*) FROM bids")));
    }
  }

  @Test
  void skipCountsAndReportsMalformedRecords() throws Exception {
    Path f = Files.writeString(dir.resolve("bids.csv"), "bidder,auction,price,ts\n"
        + "ann,1,10,2024-01-01 10:00:00\nbob,x,1,2024-01-01 10:00:00\ncy,3,4\ndee,4,5,\n");
    try (Engine engine = Engine.open(EngineConfig.of(dir.resolve("data"))); Session s = open(engine)) {
      Result.Status st = (Result.Status) s.execute(
          "COPY bids FROM '" + f + "' WITH (format = 'csv', errors = 'skip')");
      assertEquals(2, st.updateCount());
      assertTrue(st.message().contains("skipped 2 malformed records at lines 3, 4"), st.message());
      assertEquals(List.of("[1, 10.00, ann, 1704103200000]", "[4, 5.00, dee, null]"),
          rows(s.execute("SELECT * FROM bids ORDER BY auction")));
    }
  }

  @Test
  void missingFileIsNamed() {
    try (Engine engine = Engine.open(EngineConfig.of(dir.resolve("data"))); Session s = open(engine)) {
      EddyException e = assertThrows(EddyException.class, () -> s.execute("COPY bids FROM '/no/such.json'"));
      assertEquals(ErrorCode.NOT_FOUND, e.code());
    }
  }
}
