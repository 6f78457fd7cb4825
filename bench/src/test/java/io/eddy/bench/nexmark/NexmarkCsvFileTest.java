package io.eddy.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eddy.common.error.EddyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a whole file finds the same events as parsing its lines one by one, whatever the line ends. */
class NexmarkCsvFileTest {
  @TempDir Path dir;

  @Test
  void lineEndsBlankLinesAndTextBeyondAscii() throws Exception {
    NexmarkGenerator gen = new NexmarkGenerator(NexmarkConfig.defaults());
    NexmarkCsv csv = new NexmarkCsv();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      StringBuilder sb = new StringBuilder();
      csv.write(gen.next(), sb);
      String line = sb.substring(0, sb.length() - 1);
      lines.add(i % 7 == 3 ? line.replaceFirst(",([^,]*)$", ",caf\u00e9 $1") : line); // a Latin-1 extra
    }
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      file.append(lines.get(i)).append(i % 3 == 0 ? "\r\n" : "\n");
      if (i % 50 == 49 && i < lines.size() - 1) {
        file.append("\n"); // a blank line is counted but is no event
      }
    }
    file.setLength(file.length() - 1); // the last line has no line end
    Path in = dir.resolve("events.csv");
    Files.write(in, file.toString().getBytes(StandardCharsets.ISO_8859_1));

    List<Event> read = new ArrayList<>();
    long n = NexmarkCsvFile.read(in, read::add);

    assertEquals(509, n); // 500 lines and 9 blank ones
    List<Event> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      expected.add(csv.parse(lines.get(i), i + 1));
    }
    assertEquals(expected, read);
    assertEquals("caf\u00e9 ", ((Event.Bid) expected.stream().filter(e -> e instanceof Event.Bid b
        && b.extra().startsWith("caf")).findFirst().orElseThrow()).extra().substring(0, 5));
  }

  @Test
  void aLineWithTooManyFieldsIsRefused() throws Exception {
    NexmarkCsv csv = new NexmarkCsv();
    StringBuilder sb = new StringBuilder();
    csv.write(new NexmarkGenerator(NexmarkConfig.defaults()).next(), sb);
    Path in = dir.resolve("more.csv");
    Files.writeString(in, sb + sb.toString().replace("\n", ",x\n"), StandardCharsets.US_ASCII);
    List<Event> read = new ArrayList<>();
    EddyException e = assertThrows(EddyException.class, () -> NexmarkCsvFile.read(in, read::add));
    assertEquals("Nexmark CSV line 2: expected 26 comma-separated fields, found more", e.reason());
    assertEquals(1, read.size());
  }
}
