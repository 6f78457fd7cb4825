package io.eddy.log.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.log.Golden;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowCodecTest {
  private static final RowType ALL_TYPES = new RowType(List.of(
      new Column("b", SqlType.of(TypeKind.BOOLEAN)),
      new Column("i", SqlType.of(TypeKind.INT)),
      new Column("l", SqlType.of(TypeKind.BIGINT)),
      new Column("d", SqlType.of(TypeKind.DOUBLE)),
      new Column("m", SqlType.decimal(20, 4)),
      new Column("s", SqlType.of(TypeKind.VARCHAR)),
      new Column("t", SqlType.of(TypeKind.TIMESTAMP)),
      new Column("day", SqlType.of(TypeKind.DATE)),
      new Column("n", SqlType.of(TypeKind.BIGINT))));

  private final RowCodec codec = new RowCodec(ALL_TYPES);

  /** Collects fields boxed, and the columns in the order they arrived. */
  private static final class Collector implements FieldSink {
    final Object[] row;
    final List<Integer> delivered = new ArrayList<>();

    Collector(int n) {
      row = new Object[n];
    }

    private void put(int i, Object v) {
      delivered.add(i);
      row[i] = v;
    }

    @Override public void nullField(int i) { put(i, null); }
    @Override public void booleanField(int i, boolean v) { put(i, v); }
    @Override public void intField(int i, int v) { put(i, v); }
    @Override public void longField(int i, long v) { put(i, v); }
    @Override public void doubleField(int i, double v) { put(i, v); }
    @Override public void objectField(int i, Object v) { put(i, v); }
  }

  private Object[] decode(byte[] b, int off, int len, byte expectedKind) {
    Collector c = new Collector(ALL_TYPES.size());
    assertEquals(expectedKind, codec.decode(b, off, len, c));
    assertEquals(java.util.stream.IntStream.range(0, ALL_TYPES.size()).boxed().toList(), c.delivered,
        "every field exactly once, in column order");
    return c.row;
  }

  @Test
  void encoderProducesTheGoldenRow() throws Exception {
    Object[] row = {true, -3, 1_700_000_000_000L, 2.5, new BigDecimal("-12.3400"), "héllo", 86_400_000L, 19_000, null};
    Golden.assertMatches("row-v1.hex", codec.encode(RowCodec.DELETE, row));
    byte[] golden = Golden.read("row-v1.hex");
    assertArrayEquals(row, decode(golden, 0, golden.length, RowCodec.DELETE));
  }

  @Test
  void randomRowsRoundTripIncludingNullsOfEveryType() {
    Random rnd = new Random(20240601);
    ByteSink sink = new ByteSink(16);
    List<Object[]> rows = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    for (int r = 0; r < 2000; r++) {
      Object[] row = randomRow(rnd);
      byte kind = (byte) (r % 2);
      int start = sink.size();
      int len = codec.encode(kind, row, sink);
      assertEquals(sink.size() - start, len);
      assertArrayEquals(codec.encode(kind, row), Arrays.copyOfRange(sink.array(), start, start + len));
      rows.add(row);
      spans.add(new int[] {start, len});
    }
    for (int r = 0; r < rows.size(); r++) {
      int[] span = spans.get(r);
      assertArrayEquals(rows.get(r), decode(sink.array(), span[0], span[1], (byte) (r % 2)), "row " + r);
    }
  }

  @Test
  void aPartialDecodeDeliversOnlyTheReadColumnsAndStillChecksTheSkippedBytes() {
    Random rnd = new Random(11);
    boolean[] read = new boolean[ALL_TYPES.size()];
    for (int r = 0; r < 2000; r++) {
      Object[] row = randomRow(rnd);
      for (int i = 0; i < read.length; i++) {
        read[i] = rnd.nextBoolean();
      }
      byte[] b = codec.encode(RowCodec.INSERT, row);
      Collector sink = new Collector(row.length);
      ByteSource in = new ByteSource(b, 0, b.length);
      RowDecoder decoder = codec.decoder(read);
      assertEquals(RowCodec.INSERT, decoder.decode(in, sink));
      assertEquals(0, in.remaining());
      List<Integer> wanted = new ArrayList<>();
      for (int i = 0; i < read.length; i++) {
        if (read[i]) {
          wanted.add(i);
          assertEquals(row[i], sink.row[i], "row " + r + " column " + i);
        }
      }
      assertEquals(wanted, sink.delivered, "row " + r + ": only the read columns, in order");
      for (int len = 0; len < b.length; len += 3) {
        ByteSource cut = new ByteSource(b, 0, len);
        assertThrows(MalformedDataException.class, () -> decoder.decode(cut, sink), "cut at " + len);
      }
    }
  }

  @Test
  void aDecoderTakesOneReadFlagPerColumn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.decoder(new boolean[2]));
    assertEquals("2 read flags for " + ALL_TYPES.size() + " columns", e.getMessage());
  }

  @Test
  void fieldByFieldEncoderWritesTheSameBytesAsTheBoxedOne() {
    Random rnd = new Random(7);
    RowEncoder enc = new RowEncoder(ALL_TYPES);
    ByteSink sink = new ByteSink(16);
    for (int r = 0; r < 2000; r++) {
      Object[] row = randomRow(rnd);
      byte kind = (byte) (r % 2);
      sink.reset();
      enc.begin(sink, kind);
      for (int i = 0; i < row.length; i++) {
        Object v = row[i];
        if (v == null) {
          enc.putNull();
        } else if (v instanceof Boolean b) {
          enc.putBoolean(b);
        } else if (v instanceof Integer n) {
          enc.putInt(n);
        } else if (v instanceof Long n) {
          enc.putLong(n);
        } else if (v instanceof Double d) {
          enc.putDouble(d);
        } else if (v instanceof BigDecimal d) {
          enc.putDecimal(d);
        } else if (rnd.nextBoolean()) {
          enc.putString((String) v);
        } else {
          byte[] utf8 = ("xy" + v).getBytes(java.nio.charset.StandardCharsets.UTF_8);
          enc.putUtf8(utf8, 2, utf8.length - 2);
        }
      }
      assertEquals(sink.size(), enc.end());
      assertArrayEquals(codec.encode(kind, row), sink.toByteArray(), "row " + r);
    }
  }

  @Test
  void fieldByFieldEncoderRefusesAWrongTypeAndAShortRow() {
    RowEncoder enc = new RowEncoder(ALL_TYPES);
    ByteSink sink = new ByteSink(16);
    enc.begin(sink, RowCodec.INSERT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> enc.putLong(1));
    assertEquals("column 0 is BOOLEAN, not a long", e.getMessage());
    enc.putBoolean(true);
    assertThrows(IllegalStateException.class, enc::end);
  }

  private static Object[] randomRow(Random rnd) {
    Object[] row = new Object[ALL_TYPES.size()];
    for (int i = 0; i < row.length; i++) {
      if (rnd.nextInt(4) == 0) {
        continue;
      }
      row[i] = switch (ALL_TYPES.type(i).kind()) {
        case BOOLEAN -> rnd.nextBoolean();
        case INT, DATE -> rnd.nextBoolean() ? rnd.nextInt() : rnd.nextInt(200) - 100;
        case BIGINT, TIMESTAMP -> rnd.nextBoolean() ? rnd.nextLong() : (long) rnd.nextInt(1000) - 500;
        case DOUBLE -> rnd.nextBoolean() ? rnd.nextGaussian() * 1e6 : Double.NaN;
        case DECIMAL -> new BigDecimal(new BigInteger(rnd.nextInt(120) + 1, rnd).subtract(BigInteger.TEN.pow(10)), 4);
        case VARCHAR -> randomString(rnd);
      };
    }
    return row;
  }

  private static final String[] NON_ASCII = {"é", "€", "😀"};

  private static String randomString(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(12);
    for (int i = 0; i < n; i++) {
      sb.append(rnd.nextInt(5) == 0 ? NON_ASCII[rnd.nextInt(NON_ASCII.length)] : String.valueOf((char) ('a' + rnd.nextInt(26))));
    }
    return sb.toString();
  }

  @Test
  void rejectsWrongShapesAndTruncatedBytes() {
    assertThrows(IllegalArgumentException.class, () -> codec.encode((byte) 2, new Object[ALL_TYPES.size()]));
    assertThrows(IllegalArgumentException.class, () -> codec.encode(RowCodec.INSERT, new Object[1]));
    Object[] wrongType = new Object[ALL_TYPES.size()];
    wrongType[2] = "not a long";
    assertThrows(IllegalArgumentException.class, () -> codec.encode(RowCodec.INSERT, wrongType));
    Object[] row = {true, 1, 2L, 3.0, BigDecimal.ONE, "x", 4L, 5, 6L};
    byte[] b = codec.encode(RowCodec.INSERT, row);
    for (int len = 0; len < b.length; len++) {
      int cut = len;
      assertThrows(MalformedDataException.class, () -> codec.decode(b, 0, cut, new Collector(ALL_TYPES.size())), "cut at " + cut);
    }
  }
}
