package io.eddy.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The field scan agrees with a plain split on every line: generated lines of the three kinds, and
 * the same lines broken near their start (where a bid's and an auction's empty fields are skipped
 * by word compares) by a dropped, added or changed byte, a cut, or a carriage return.
 */
class NexmarkCsvScanTest {

  @Test
  void fieldsAreThoseOfAPlainSplit() {
    NexmarkGenerator gen = new NexmarkGenerator(NexmarkConfig.defaults());
    NexmarkCsv writer = new NexmarkCsv();
    NexmarkCsv scanner = new NexmarkCsv();
    Random rnd = new Random(7);
    int kindsSeen = 0;
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      writer.write(gen.next(), sb);
      String line = sb.substring(0, sb.length() - 1);
      kindsSeen |= 1 << (line.charAt(0) - '0');
      for (String variant : variants(line, rnd)) {
        check(scanner, variant, rnd.nextInt(5));
      }
    }
    assertEquals(7, kindsSeen, "persons, auctions and bids were all scanned");
  }

  @Test
  void shortAndEmptyGroupLinesAtTheEndOfTheBuffer() {
    NexmarkCsv scanner = new NexmarkCsv();
    for (String line : List.of("2,,,,,,,,,,,,,,,,,,,", "2,,,,,,,,,,,,,,,,,,,,", "2,,,,,,,,,,,,,,,,,,", "1,,,,,,,,,",
        "1,,,,,,,,,7", "1,,,,,,,,", "2", "", ",", "2,,,,,,,,,,,,,,,,,,,1,2,3,4,5,6")) {
      check(scanner, line, 0);
      check(scanner, line, 3);
    }
  }

  private static List<String> variants(String line, Random rnd) {
    List<String> out = new ArrayList<>();
    out.add(line);
    out.add(line + "\r");
    int at = rnd.nextInt(Math.min(line.length(), 24));
    out.add(line.substring(0, at) + line.substring(at + 1));
    out.add(line.substring(0, at) + "," + line.substring(at));
    out.add(line.substring(0, at) + "x" + line.substring(at + 1));
    out.add(line.substring(0, rnd.nextInt(Math.min(line.length(), 30))));
    out.add((char) ('0' + rnd.nextInt(3)) + line.substring(1));
    return out;
  }

  /** Scans {@code line} placed after {@code lead} bytes and followed by a newline and more text. */
  private static void check(NexmarkCsv scanner, String line, int lead) {
    byte[] body = line.getBytes(StandardCharsets.ISO_8859_1);
    byte[] buf = new byte[lead + body.length + 12];
    java.util.Arrays.fill(buf, (byte) ',');
    System.arraycopy(body, 0, buf, lead, body.length);
    buf[lead + body.length] = '\n';
    int newline = scanner.scan(buf, lead, buf.length);
    assertEquals(lead + body.length, newline, line);
    String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    String[] fields = content.split(",", -1);
    assertEquals(fields.length, scanner.fieldCount(), line);
    for (int f = 0; f < Math.min(fields.length, NexmarkCsv.FIELDS); f++) {
      assertEquals(fields[f], scanner.field(f), "field " + f + " of " + line);
    }
  }
}
