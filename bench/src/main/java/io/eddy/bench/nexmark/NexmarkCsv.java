package io.eddy.bench.nexmark;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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
  private static final String EMPTY_PERSON = ",,,,,,,,";
  private static final String EMPTY_AUCTION = ",,,,,,,,,,";
  private static final String EMPTY_BID = ",,,,,,,";
  private long formattedSecond = Long.MIN_VALUE;
  private String formattedPrefix;
  private String parsedPrefix;
  private long parsedSecondMs;

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
    String[] f = new String[FIELDS];
    int start = 0;
    for (int i = 0; i < FIELDS - 1; i++) {
      int comma = line.indexOf(',', start);
      if (comma < 0) {
        throw bad(lineNumber, "expected " + FIELDS + " comma-separated fields, found " + (i + 1));
      }
      f[i] = line.substring(start, comma);
      start = comma + 1;
    }
    if (line.indexOf(',', start) >= 0) {
      throw bad(lineNumber, "expected " + FIELDS + " comma-separated fields, found more");
    }
    f[FIELDS - 1] = line.substring(start);
    try {
      return switch (f[0]) {
        case "0" -> new Event.Person(Long.parseLong(f[1]), f[2], f[3], f[4], f[5], f[6], time(f[7]), f[8]);
        case "1" -> new Event.Auction(Long.parseLong(f[9]), f[10], f[11], Long.parseLong(f[12]),
            Long.parseLong(f[13]), time(f[14]), time(f[15]), Long.parseLong(f[16]), Long.parseLong(f[17]), f[18]);
        case "2" -> new Event.Bid(Long.parseLong(f[19]), Long.parseLong(f[20]), Long.parseLong(f[21]), f[22],
            f[23], time(f[24]), f[25]);
        default -> throw bad(lineNumber, "event_type must be 0, 1 or 2, not '" + f[0] + "'");
      };
    } catch (RuntimeException e) {
      if (e instanceof EddyException ee) {
        throw ee;
      }
      throw bad(lineNumber, e.getMessage());
    }
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

  private long time(String s) {
    if (s.length() != 23 || s.charAt(19) != '.') {
      throw new IllegalArgumentException("timestamp '" + s + "' is not yyyy-MM-dd HH:mm:ss.SSS");
    }
    if (parsedPrefix == null || !s.startsWith(parsedPrefix)) {
      parsedPrefix = s.substring(0, 19);
      parsedSecondMs = LocalDateTime.parse(parsedPrefix.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC) * 1000L;
    }
    return parsedSecondMs + Integer.parseInt(s, 20, 23, 10);
  }
}
