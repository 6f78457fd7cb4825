package io.eddy.log;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.eddy.log.LogRecord;
import io.eddy.log.PartitionLog;
import java.util.ArrayList;
import java.util.List;

/** Records with recognisable contents, and reading a partition back. */
public final class LogFixtures {
  private LogFixtures() {}

  /** The record appended at {@code offset} by {@link #batch}. */
  public static String valueAt(long offset) {
    return "value-" + offset + "-" + "x".repeat((int) (offset % 7));
  }

  public static List<LogRecord> batch(long firstOffset, int n) {
    List<LogRecord> records = new ArrayList<>(n);
    for (long o = firstOffset; o < firstOffset + n; o++) {
      records.add(new LogRecord(1000 + o, o % 3 == 0 ? null : ("k" + o).getBytes(UTF_8), valueAt(o).getBytes(UTF_8)));
    }
    return records;
  }

  /** A read record as seen by a visitor. */
  public record Read(long offset, long timestamp, String value) {}

  public static List<Read> readAll(PartitionLog log, long from, int maxBytes) {
    List<Read> out = new ArrayList<>();
    long next = from;
    while (next < log.endOffset()) {
      long before = next;
      next = log.read(next, maxBytes, (o, ts, buf, off, len) -> out.add(new Read(o, ts, new String(buf, off, len, UTF_8))));
      if (next == before) {
        throw new AssertionError("read made no progress at " + before);
      }
    }
    return out;
  }

  /** Checks that {@code reads} are exactly the records {@code [from, to)} written by {@link #batch}. */
  public static void assertRecords(List<Read> reads, long from, long to) {
    if (reads.size() != to - from) {
      throw new AssertionError("expected " + (to - from) + " records from " + from + ", read " + reads.size());
    }
    for (int i = 0; i < reads.size(); i++) {
      long o = from + i;
      Read expected = new Read(o, 1000 + o, valueAt(o));
      if (!expected.equals(reads.get(i))) {
        throw new AssertionError("at " + o + ": expected " + expected + ", read " + reads.get(i));
      }
    }
  }
}
