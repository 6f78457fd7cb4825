package io.eddy.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class NexmarkGeneratorTest {

  /**
   * Golden checksums of the Flink peer's {@code gen.sh 10000 OUT csv [--seed 7 --rate 10000]}
   * (/work/shared/peers/flink): both engines must read byte-identical input.
   */
  @Test
  void csvIsByteIdenticalToThePeerGenerator() {
    assertEquals(new Golden(2_243_542, 0x1a64634fL), golden(NexmarkConfig.defaults()));
    assertEquals(new Golden(2_245_124, 0x73d2dd68L), golden(NexmarkConfig.defaults().withSeed(7).withRate(10_000)));
  }

  @Test
  void mixIsOnePersonThreeAuctionsFortySixBidsPerFifty() {
    NexmarkGenerator gen = new NexmarkGenerator(NexmarkConfig.defaults());
    int[] counts = new int[3];
    for (int i = 0; i < 5000; i++) {
      counts[gen.next().kind().code]++;
    }
    assertEquals(List.of(100, 300, 4600), List.of(counts[0], counts[1], counts[2]));
  }

  @Test
  void csvParsesBackIntoTheSameEvents() {
    NexmarkGenerator gen = new NexmarkGenerator(NexmarkConfig.defaults());
    NexmarkCsv csv = new NexmarkCsv();
    for (int i = 0; i < 2000; i++) {
      Event e = gen.next();
      StringBuilder line = new StringBuilder();
      csv.write(e, line);
      assertEquals(e, csv.parse(line.substring(0, line.length() - 1), i + 1));
    }
  }

  @Test
  void malformedLineIsADataErrorWithItsNumber() {
    EddyException e = assertThrows(EddyException.class, () -> new NexmarkCsv().parse("2,1,2", 17));
    assertEquals(ErrorCode.DATA, e.code());
    assertEquals("Nexmark CSV line 17: expected 26 comma-separated fields, found 3", e.reason());
  }

  private record Golden(long bytes, long crc) {}

  private static Golden golden(NexmarkConfig config) {
    NexmarkGenerator gen = new NexmarkGenerator(config);
    NexmarkCsv csv = new NexmarkCsv();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      csv.write(gen.next(), sb);
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return new Golden(bytes.length, crc.getValue());
  }
}
