package io.eddy.log.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.log.Golden;
import io.eddy.log.LogRecord;
import io.eddy.log.format.ByteSink;
import io.eddy.log.format.MalformedDataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchFormatTest {
  private static final List<LogRecord> RECORDS = List.of(
      new LogRecord(1_700_000_000_000L, null, "a".getBytes(UTF_8)),
      new LogRecord(1_700_000_000_250L, "k1".getBytes(UTF_8), "hello".getBytes(UTF_8)),
      new LogRecord(1_699_999_999_990L, new byte[0], new byte[0]));

  private static byte[] encode(long base, List<LogRecord> records) {
    ByteSink out = new ByteSink();
    BatchFormat.encode(base, records, out);
    return out.toByteArray();
  }

  @Test
  void encoderProducesTheGoldenBatch() throws Exception {
    Golden.assertMatches("batch-v1.hex", encode(42, RECORDS));
  }

  @Test
  void aBatchWithARecordStillOpenIsRefused() {
    io.eddy.log.EncodedRecords encoded = new io.eddy.log.EncodedRecords();
    encoded.beginRecord();
    encoded.sink().writeByte(7);
    encoded.endRecord(1L);
    encoded.beginRecord();
    encoded.sink().writeByte(8);
    assertThrows(IllegalStateException.class, () -> BatchFormat.seal(0, encoded));
    encoded.abortRecord();
    BatchFormat.seal(0, encoded);
    assertEquals(1, encoded.count());
  }

  @Test
  void sealedEncodedRecordsAreTheBytesOfTheListForm() {
    java.util.Random rnd = new java.util.Random(3);
    for (int round = 0; round < 200; round++) {
      io.eddy.log.EncodedRecords encoded = new io.eddy.log.EncodedRecords(1, 16);
      List<LogRecord> list = new ArrayList<>();
      for (int i = 0, n = 1 + rnd.nextInt(20); i < n; i++) {
        int[] lengths = {0, 1, 127, 128, 129, 16_383, 16_384, 20_000};
        byte[] value = new byte[rnd.nextInt(4) == 0 ? lengths[rnd.nextInt(lengths.length)] : rnd.nextInt(300)];
        rnd.nextBytes(value);
        // timestamp deltas of one to ten bytes, growing and shrinking (the framing's room is a guess)
        long ts = 1_700_000_000_000L + (rnd.nextInt(4) == 0 ? rnd.nextLong() >> (2 + rnd.nextInt(60))
            : rnd.nextInt(2000) - 1000);
        list.add(LogRecord.of(ts, value));
        encoded.beginRecord();
        encoded.sink().writeBytes(value, 0, value.length);
        encoded.endRecord(ts);
      }
      BatchFormat.seal(round, encoded);
      assertArrayEquals(encode(round, list), Arrays.copyOf(encoded.buffer(), encoded.size()), "round " + round);
      for (int i = 0; i < list.size(); i++) {
        assertArrayEquals(list.get(i).value(), Arrays.copyOfRange(encoded.buffer(), encoded.valueOffset(i),
            encoded.valueOffset(i) + encoded.valueLength(i)));
      }
    }
  }

  @Test
  void decoderReadsTheGoldenBatch() throws Exception {
    byte[] golden = Golden.read("batch-v1.hex");
    BatchHeader h = BatchFormat.header(golden, 0);
    assertEquals(new BatchHeader(42, 3, 1_700_000_000_000L, 1_699_999_999_990L, golden.length - BatchFormat.HEADER_SIZE,
        h.crc()), h);
    assertTrue(BatchFormat.crcMatches(golden, 0, h));
    List<LogRecord> decoded = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    BatchFormat.visit(golden, 0, h, 0, (offset, ts, buf, ko, kl, vo, vl) -> {
      offsets.add(offset);
      decoded.add(new LogRecord(ts, kl < 0 ? null : Arrays.copyOfRange(buf, ko, ko + kl), Arrays.copyOfRange(buf, vo, vo + vl)));
    });
    assertEquals(List.of(42L, 43L, 44L), offsets);
    for (int i = 0; i < RECORDS.size(); i++) {
      assertEquals(RECORDS.get(i).timestamp(), decoded.get(i).timestamp());
      assertArrayEquals(RECORDS.get(i).key(), decoded.get(i).key());
      assertArrayEquals(RECORDS.get(i).value(), decoded.get(i).value());
    }
    assertNull(decoded.get(0).key());
  }

  @Test
  void visitSkipsRecordsBelowTheStartOffset() {
    byte[] b = encode(10, RECORDS);
    List<Long> offsets = new ArrayList<>();
    int n = BatchFormat.visit(b, 0, BatchFormat.header(b, 0), 12, (o, t, buf, ko, kl, vo, vl) -> offsets.add(o));
    assertEquals(1, n);
    assertEquals(List.of(12L), offsets);
  }

  @Test
  void everyFlippedBitFromTheCrcFieldOnIsDetected() {
    byte[] b = encode(7, RECORDS);
    for (int i = BatchFormat.CRC_OFFSET; i < b.length; i++) {
      byte[] copy = b.clone();
      copy[i] ^= 0x10;
      BatchHeader h;
      try {
        h = BatchFormat.header(copy, 0);
      } catch (MalformedDataException rejected) {
        continue;
      }
      assertFalse(BatchFormat.crcMatches(copy, 0, h), "flip at byte " + i);
    }
  }

  @Test
  void headerRejectsBadMagicAndVersion() {
    byte[] b = encode(0, RECORDS);
    byte[] badMagic = b.clone();
    badMagic[0] = 'X';
    assertThrows(MalformedDataException.class, () -> BatchFormat.header(badMagic, 0));
    byte[] badVersion = b.clone();
    badVersion[4] = 2;
    assertThrows(MalformedDataException.class, () -> BatchFormat.header(badVersion, 0));
  }

  @Test
  void nullValuesAndEmptyBatchesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> encode(0, List.of()));
    assertThrows(IllegalArgumentException.class, () -> encode(0, List.of(new LogRecord(0, null, null))));
  }
}
