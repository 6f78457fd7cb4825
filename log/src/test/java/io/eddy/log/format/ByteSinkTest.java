package io.eddy.log.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteSink}'s varints are the protobuf encoding byte for byte (checked against the
 * textbook loop, one 7-bit group at a time) at every bit length, between other bytes that they
 * leave as they were, and the sink grows to hold as many as are written.
 */
class ByteSinkTest {
  @Test
  void varlongsOfEveryBitLengthAreTheProtobufBytes() {
    Random random = new Random(7);
    for (int bits = 0; bits <= 64; bits++) {
      for (int k = 0; k < 200; k++) {
        long v = bits == 0 ? 0 : bits == 64 ? random.nextLong() | Long.MIN_VALUE
            : (random.nextLong() >>> (64 - bits)) | (1L << (bits - 1));
        ByteSink out = new ByteSink(16);
        out.writeByte(0x55);
        out.writeVarlong(v);
        out.writeByte(0x66);
        byte[] expected = concat(new byte[] {0x55}, protobuf(v), new byte[] {0x66});
        assertArrayEquals(expected, out.toByteArray(), () -> "varlong " + Long.toUnsignedString(v));
        // the same bytes written in place, and their count
        assertEquals(protobuf(v).length, ByteSink.varlongSize(v), () -> "size of " + Long.toUnsignedString(v));
        ByteSink at = new ByteSink(16);
        at.writeByte(0x55);
        at.skip(ByteSink.varlongSize(v));
        at.writeByte(0x66);
        assertEquals(1 + ByteSink.varlongSize(v), at.putVarlong(1, v));
        assertArrayEquals(expected, at.toByteArray(), () -> "varlong put at 1: " + Long.toUnsignedString(v));
      }
    }
  }

  @Test
  void varintsAreTheUnsignedVarlongsOfTheir32Bits() {
    Random random = new Random(11);
    for (int k = 0; k < 10_000; k++) {
      int v = k < 64 ? (k < 32 ? 1 << k : -(1 << (k - 32))) : random.nextInt() >>> random.nextInt(32);
      ByteSink out = new ByteSink(16);
      out.writeVarint(v);
      assertArrayEquals(protobuf(v & 0xFFFFFFFFL), out.toByteArray(), () -> "varint " + Integer.toUnsignedString(v));
    }
  }

  @Test
  void growsToHoldVarintsWrittenAtTheEndOfItsArray() {
    ByteSink out = new ByteSink(16);
    long v = (1L << 55) + 12345;
    for (int i = 0; i < 1000; i++) {
      out.writeVarlong(v);
    }
    byte[] one = protobuf(v);
    assertEquals(1000 * one.length, out.size());
    for (int i = 0; i < 1000; i++) {
      assertArrayEquals(one, Arrays.copyOfRange(out.array(), i * one.length, (i + 1) * one.length));
    }
  }

  /** The varint as the protobuf documentation writes it, one 7-bit group at a time. */
  private static byte[] protobuf(long v) {
    byte[] b = new byte[10];
    int n = 0;
    do {
      long group = v & 0x7F;
      v >>>= 7;
      b[n++] = (byte) (v != 0 ? group | 0x80 : group);
    } while (v != 0);
    return Arrays.copyOf(b, n);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
