package io.eddy.bench.nexmark;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.RowAppender;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The flat CSV of the Flink peer ({@code /work/shared/peers/flink}): one line per event, 26
 * comma-separated fields, no quoting (no field contains a comma or a quote):
 * <pre>
 *  0      event_type        0 person, 1 auction, 2 bid
 *  1..8   person            id, name, emailAddress, creditCard, city, state, dateTime, extra
 *  9..18  auction           id, itemName, description, initialBid, reserve, dateTime, expires,
 *                           seller, category, extra
 *  19..25 bid               auction, bidder, price, channel, url, dateTime, extra
 * </pre>
 * The groups of the other two kinds are empty. Timestamps are {@code yyyy-MM-dd HH:mm:ss.SSS},
 * UTC. Instances cache the formatted/parsed second, so they are not thread-safe.
 */
public final class NexmarkCsv {
  static final int FIELDS = 26;
  private static final long COMMAS = ByteScan.pattern((byte) ',');
  private static final long NEWLINES = ByteScan.pattern((byte) '\n');
  /** Bytes before a bid's first own field: its type and 19 commas; an auction's: its type and 9. */
  private static final int BID_PREFIX = 20;
  private static final int AUCTION_PREFIX = 10;
  private static final String EMPTY_PERSON = ",,,,,,,,";
  private static final String EMPTY_AUCTION = ",,,,,,,,,,";
  private static final String EMPTY_BID = ",,,,,,,";
  private long formattedSecond = Long.MIN_VALUE;
  private String formattedPrefix;
  /** The date and time up to the second of the last parsed timestamp (zeros: none yet). */
  private final byte[] parsedPrefix = new byte[19];
  private long parsedSecondMs;
  /** The last scanned line: its bytes, bounds, field bounds and count, and whether it is ASCII. */
  private final int[] starts = new int[FIELDS];
  private final int[] ends = new int[FIELDS];
  private byte[] buf;
  private int lineStart;
  private int lineEnd;
  private int fields;
  private boolean lineAscii;

  /** Appends the event's line, with its newline. */
  public void write(Event event, StringBuilder sb) {
    sb.append(event.kind().code);
    if (event instanceof Event.Person p) {
      person(p, sb);
    } else if (event instanceof Event.Auction a) {
      auction(a, sb);
    } else {
      bid((Event.Bid) event, sb);
    }
    sb.append('\n');
  }

  private void person(Event.Person p, StringBuilder sb) {
    sb.append(',').append(p.id()).append(',').append(p.name()).append(',').append(p.emailAddress())
        .append(',').append(p.creditCard()).append(',').append(p.city()).append(',').append(p.state())
        .append(',');
    time(p.dateTime(), sb);
    sb.append(',').append(p.extra()).append(EMPTY_AUCTION).append(EMPTY_BID);
  }

  private void auction(Event.Auction a, StringBuilder sb) {
    sb.append(EMPTY_PERSON).append(',').append(a.id()).append(',').append(a.itemName()).append(',')
        .append(a.description()).append(',').append(a.initialBid()).append(',').append(a.reserve())
        .append(',');
    time(a.dateTime(), sb);
    sb.append(',');
    time(a.expires(), sb);
    sb.append(',').append(a.seller()).append(',').append(a.category()).append(',').append(a.extra())
        .append(EMPTY_BID);
  }

  private void bid(Event.Bid b, StringBuilder sb) {
    sb.append(EMPTY_PERSON).append(EMPTY_AUCTION).append(',').append(b.auction()).append(',')
        .append(b.bidder()).append(',').append(b.price()).append(',').append(b.channel()).append(',')
        .append(b.url()).append(',');
    time(b.dateTime(), sb);
    sb.append(',').append(b.extra());
  }

  /**
   * Parses one line (without its newline). A malformed line is a {@code DATA} error naming
   * {@code lineNumber}.
   */
  public Event parse(String line, long lineNumber) {
    byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
    return parse(b, 0, b.length, lineNumber);
  }

  /**
   * Parses the line in {@code buf[from, to)} (ASCII, without its newline), like
   * {@link #parse(String, long)}, without making a string per field.
   */
  public Event parse(byte[] buf, int from, int to, long lineNumber) {
    scan(buf, from, to);
    return event(lineNumber);
  }

  /**
   * Parses the line in {@code buf[from, to)} like {@link #parse(byte[], int, int, long)}, but
   * writes the event's row straight into {@code out}: numbers unboxed, text as the line's own
   * bytes (no {@link Event}, no strings). A malformed line adds no row.
   */
  public void parseInto(byte[] buf, int from, int to, long lineNumber, StreamAppender out) {
    scan(buf, from, to);
    appendTo(out, lineNumber);
  }

  /**
   * Finds the fields of the line that starts at {@code buf[from]}: the line ends at the first
   * newline before {@code to} (a carriage return before it is not part of the line), else at
   * {@code to}. Returns the newline's index, or -1 when there is none. One pass, eight bytes at a
   * time, finds the commas, the newline and whether the line is ASCII; {@link #event} or
   * {@link #appendTo} then reads the fields until the next scan.
   */
  int scan(byte[] buf, int from, int to) {
    this.buf = buf;
    this.lineStart = from;
    starts[0] = from;
    int i = skipOtherKinds(buf, from, to);
    int f = i == from ? 0 : i - from - 1;
    long high = 0;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long w = ByteScan.word(buf, i);
      long newlines = ByteScan.matches(w, NEWLINES);
      long commas = ByteScan.matches(w, COMMAS);
      if (newlines != 0) {
        long before = (newlines & -newlines) - 1; // the bytes before the first newline
        f = commas(commas & before, i, f);
        int nl = i + (Long.numberOfTrailingZeros(newlines) >>> 3);
        finish(nl, f, high | (w & before));
        return nl;
      }
      f = commas(commas, i, f);
      high |= w;
    }
    for (; i < to; i++) {
      byte c = buf[i];
      if (c == '\n') {
        finish(i, f, high);
        return i;
      }
      high |= c;
      if (c == ',') {
        f = comma(i, f);
      }
    }
    finish(to, f, high);
    return -1;
  }

  /**
   * A bid's line starts with {@code 2} and 19 commas (the empty person and auction fields), an
   * auction's with {@code 1} and 9: when the line at {@code from} does, records those fields
   * (fields 1 to 18, or 1 to 8, empty) with a few word compares instead of a comma at a time, and
   * returns where the next field starts; else returns {@code from}. The bounds are what the comma
   * scan would have found.
   */
  private int skipOtherKinds(byte[] buf, int from, int to) {
    if (to - from < BID_PREFIX) {
      return from;
    }
    byte type = buf[from];
    boolean bid = type == '2' && ByteScan.word(buf, from + 1) == COMMAS && ByteScan.word(buf, from + 9) == COMMAS
        && ByteScan.word(buf, from + BID_PREFIX - Long.BYTES) == COMMAS;
    boolean auction = !bid && type == '1' && ByteScan.word(buf, from + 1) == COMMAS && buf[from + 9] == ',';
    if (!bid && !auction) {
      return from;
    }
    int next = from + (bid ? BID_PREFIX : AUCTION_PREFIX);
    ends[0] = from + 1;
    for (int f = 1, at = from + 2; at < next; f++, at++) {
      starts[f] = at;
      ends[f] = at;
    }
    starts[next - from - 1] = next;
    return next;
  }

  /** The number of fields of the last scanned line (its commas and one). */
  int fieldCount() {
    return fields;
  }

  /** Field {@code f} (below 26 and below {@link #fieldCount()}) of the last scanned line. */
  String field(int f) {
    return str(f);
  }

  /** Whether the last scanned line is empty (a blank line is not an event). */
  boolean blank() {
    return lineEnd == lineStart;
  }

  /** The event of the last scanned line, numbered {@code lineNumber}. */
  Event event(long lineNumber) {
    try {
      checkFields(lineNumber);
      return switch (eventType(lineNumber)) {
        case 0 -> new Event.Person(num(1), str(2), str(3), str(4), str(5), str(6), time(7), str(8));
        case 1 -> new Event.Auction(num(9), str(10), str(11), num(12), num(13), time(14), time(15), num(16), num(17),
            str(18));
        default -> new Event.Bid(num(19), num(20), num(21), str(22), str(23), time(24), str(25));
      };
    } catch (RuntimeException e) {
      throw lineError(e, lineNumber);
    } finally {
      this.buf = null;
    }
  }

  /** Writes the last scanned line's row into {@code out}, like {@link #parseInto}. */
  void appendTo(StreamAppender out, long lineNumber) {
    Event.Kind kind = null;
    try {
      checkFields(lineNumber);
      kind = Event.Kind.ofCode(eventType(lineNumber));
      RowAppender r = out.row(kind);
      switch (kind) { // one method per kind: the JIT compiles the bids' path without the others inlined
        case PERSON -> person(r);
        case AUCTION -> auction(r);
        case BID -> bid(r);
      }
      out.endRow(kind);
    } catch (RuntimeException e) {
      if (kind != null) {
        out.row(kind).discardRow();
      }
      throw lineError(e, lineNumber);
    } finally {
      this.buf = null;
    }
  }

  // Each row's columns are set in ascending order, the appender's fast path (RowAppender).
  private void person(RowAppender r) {
    r.setLong(0, num(1));
    for (int c = 1; c <= 5; c++) {
      text(r, c + 1, c);
    }
    r.setLong(6, time(7));
    text(r, 8, 7);
  }

  private void auction(RowAppender r) {
    r.setLong(0, num(9));
    text(r, 10, 1);
    text(r, 11, 2);
    r.setLong(3, num(12)).setLong(4, num(13)).setLong(5, time(14)).setLong(6, time(15)).setLong(7, num(16))
        .setLong(8, num(17));
    text(r, 18, 9);
  }

  private void bid(RowAppender r) {
    r.setLong(0, num(19)).setLong(1, num(20)).setLong(2, num(21));
    text(r, 22, 3);
    text(r, 23, 4);
    r.setLong(5, time(24));
    text(r, 25, 6);
  }

  /** Sets field {@code f} as text column {@code column}: ASCII bytes are UTF-8 as they are; others are Latin-1. */
  private void text(RowAppender r, int f, int column) {
    if (lineAscii || ByteScan.ascii(buf, starts[f], ends[f])) {
      r.setUtf8(column, buf, starts[f], ends[f] - starts[f]);
    } else {
      r.setString(column, str(f));
    }
  }

  /** Records the commas flagged in {@code mask} (a {@link ByteScan#matches} of the word at {@code base}). */
  private int commas(long mask, int base, int f) {
    for (long m = mask; m != 0; m &= m - 1) {
      f = comma(base + (Long.numberOfTrailingZeros(m) >>> 3), f);
    }
    return f;
  }

  /** Field {@code f} ends at the comma at {@code at}; returns the next field's number. */
  private int comma(int at, int f) {
    if (f < FIELDS) {
      ends[f] = at;
      if (f + 1 < FIELDS) {
        starts[f + 1] = at + 1;
      }
    }
    return f + 1;
  }

  private void finish(int newline, int f, long high) {
    int end = newline > lineStart && buf[newline - 1] == '\r' ? newline - 1 : newline;
    if (f < FIELDS) {
      ends[f] = end;
    }
    fields = f + 1;
    lineEnd = end;
    lineAscii = ByteScan.ascii(high);
  }

  private void checkFields(long lineNumber) {
    if (fields != FIELDS) {
      throw bad(lineNumber, "expected " + FIELDS + " comma-separated fields, found "
          + (fields < FIELDS ? String.valueOf(fields) : "more"));
    }
  }

  private int eventType(long lineNumber) {
    int type = ends[0] - starts[0] == 1 ? buf[starts[0]] - '0' : -1;
    if (type < 0 || type > 2) {
      throw bad(lineNumber, "event_type must be 0, 1 or 2, not '" + str(0) + "'");
    }
    return type;
  }

  private static EddyException lineError(RuntimeException e, long lineNumber) {
    return e instanceof EddyException ee ? ee : bad(lineNumber, e.getMessage());
  }

  private String str(int f) {
    return new String(buf, starts[f], ends[f] - starts[f], StandardCharsets.ISO_8859_1);
  }

  private long num(int f) {
    int i = starts[f];
    int end = ends[f];
    boolean negative = i < end && buf[i] == '-';
    if (negative) {
      i++;
    }
    if (i == end || end - i > 18) {
      return Long.parseLong(str(f)); // empty, or long enough to overflow: the JDK's error or value
    }
    if (end - i <= Long.BYTES && i + Long.BYTES <= buf.length) {
      long v = ByteScan.digits(buf, i, end - i);
      if (v >= 0) {
        return negative ? -v : v;
      }
    }
    long v = 0;
    for (; i < end; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        throw new NumberFormatException("For input string: \"" + str(f) + "\"");
      }
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  private static EddyException bad(long lineNumber, String why) {
    return new EddyException(ErrorCode.DATA, "Nexmark CSV line " + lineNumber + ": " + why);
  }

  private void time(long ms, StringBuilder sb) {
    long second = Math.floorDiv(ms, 1000L);
    if (second != formattedSecond) {
      LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
      formattedPrefix = String.format("%04d-%02d-%02d %02d:%02d:%02d.", t.getYear(), t.getMonthValue(),
          t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
      formattedSecond = second;
    }
    int milli = (int) Math.floorMod(ms, 1000L);
    sb.append(formattedPrefix).append((char) ('0' + milli / 100)).append((char) ('0' + milli / 10 % 10))
        .append((char) ('0' + milli % 10));
  }

  private long time(int f) {
    int at = starts[f];
    if (ends[f] - at != 23 || buf[at + 19] != '.') {
      throw new IllegalArgumentException("timestamp '" + str(f) + "' is not yyyy-MM-dd HH:mm:ss.SSS");
    }
    if (!Arrays.equals(buf, at, at + 19, parsedPrefix, 0, 19)) {
      System.arraycopy(buf, at, parsedPrefix, 0, 19);
      String prefix = new String(parsedPrefix, StandardCharsets.ISO_8859_1);
      parsedSecondMs = LocalDateTime.parse(prefix.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC) * 1000L;
    }
    int ms = 0;
    for (int i = at + 20; i < at + 23; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        throw new IllegalArgumentException("timestamp '" + str(f) + "' is not yyyy-MM-dd HH:mm:ss.SSS");
      }
      ms = ms * 10 + d;
    }
    return parsedSecondMs + ms;
  }
}
