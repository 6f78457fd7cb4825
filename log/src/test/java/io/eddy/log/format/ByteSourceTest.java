package io.eddy.log.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Varints as {@link ByteSource} reads them: every length from 1 byte to the longest, read with at
 * least eight bytes left (one word at a time) and near the limit (byte by byte), give back what
 * {@link ByteSink} wrote; too long and truncated ones are refused on both paths.
 */
class ByteSourceTest {
  private static final byte[] PADDING = new byte[12];

  @Test
  void varlongsOfEveryLengthRoundTripWithAndWithoutRoomForAWord() {
    Random random = new Random(3);
    for (int bits = 0; bits <= 64; bits++) {
      for (int k = 0; k < 50; k++) {
        long v = bits == 0 ? 0 : bits == 64 ? random.nextLong() | Long.MIN_VALUE : (random.nextLong() >>> (64 - bits)) | (1L << (bits - 1));
        for (int pad : new int[] {0, 1, 7, 12}) {
          ByteSink out = new ByteSink(32);
          out.writeVarlong(v);
          out.writeZigZagLong(v);
          out.writeZigZagLong(-v);
          out.writeBytes(PADDING, 0, pad);
          ByteSource in = new ByteSource(out.array(), 0, out.size());
          assertEquals(v, in.readVarlong(), () -> "varlong " + v + " pad " + pad);
          assertEquals(v, in.readZigZagLong(), () -> "zigzag " + v + " pad " + pad);
          assertEquals(-v, in.readZigZagLong(), () -> "zigzag " + -v + " pad " + pad);
          assertEquals(pad, in.remaining());
        }
      }
    }
  }

  @Test
  void varintsOfEveryLengthRoundTripWithAndWithoutRoomForAWord() {
    Random random = new Random(4);
    for (int bits = 0; bits <= 32; bits++) {
      for (int k = 0; k < 50; k++) {
        int v = bits == 0 ? 0 : bits == 32 ? random.nextInt() | Integer.MIN_VALUE : (random.nextInt() >>> (32 - bits)) | (1 << (bits - 1));
        for (int pad : new int[] {0, 1, 7, 12}) {
          ByteSink out = new ByteSink(32);
          out.writeVarint(v);
          out.writeZigZagInt(v);
          out.writeBytes(PADDING, 0, pad);
          ByteSource in = new ByteSource(out.array(), 0, out.size());
          assertEquals(v, in.readVarint(), () -> "varint " + v + " pad " + pad);
          assertEquals(v, in.readZigZagInt(), () -> "zigzag " + v + " pad " + pad);
          assertEquals(pad, in.remaining());
        }
      }
    }
  }

  @Test
  void aFifthVarintByteKeepsOnlyTheBitsThatFitAnInt() {
    for (int pad : new int[] {0, 8}) {
      byte[] b = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}, 5 + pad);
      assertEquals(-1, new ByteSource(b, 0, b.length).readVarint());
    }
  }

  @Test
  void refusesTooLongAndTruncatedVarints() {
    for (int pad : new int[] {0, 8}) {
      byte[] six = Arrays.copyOf(new byte[] {-1, -1, -1, -1, -1, 1}, 6 + pad);
      MalformedDataException e = assertThrows(MalformedDataException.class, () -> new ByteSource(six, 0, six.length).readVarint());
      assertTrue(e.getMessage().contains("longer than 5 bytes at position 5"), e.getMessage());
      byte[] eleven = new byte[11 + pad];
      Arrays.fill(eleven, 0, 10, (byte) -1);
      eleven[10] = 1;
      assertThrows(MalformedDataException.class, () -> new ByteSource(eleven, 0, eleven.length).readVarlong());
    }
    byte[] open = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
    for (int len = 1; len <= 4; len++) {
      int n = len;
      assertThrows(MalformedDataException.class, () -> new ByteSource(open, 0, n).readVarint());
    }
    for (int len = 1; len <= 9; len++) {
      int n = len;
      assertThrows(MalformedDataException.class, () -> new ByteSource(open, 0, n).readVarlong());
    }
  }
}
