package io.eddy.log.file;

import io.eddy.log.format.ByteSource;
import io.eddy.log.format.MalformedDataException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The recovery point of a partition, file {@code recovery-point} in its directory, version 1:
 * every batch below {@link #offset()} was forced to the device, so opening after a crash scans
 * only from the segment holding it, and a defect found below it is corruption of acknowledged
 * data rather than a torn write. {@link #clean()} says the partition was closed cleanly with
 * {@code offset} = its end offset and every index file written, so nothing needs scanning.
 *
 * <pre>
 * 20 bytes, integers big-endian:
 *   offset  size  field
 *   0       4     magic     0x45445952 ("EDYR")
 *   4       1     version   1
 *   5       1     clean     1 after a clean close, else 0
 *   6       2     reserved  0
 *   8       8     offset    the recovery offset
 *   16      4     crc       CRC32C of bytes [0, 16)
 * </pre>
 *
 * Replaced atomically (temporary file, force, rename, force directory). A missing or unreadable
 * file means offset 0, not clean: everything is scanned. The golden file
 * {@code golden/recovery-point-v1.hex} pins the layout.
 */
record RecoveryPoint(long offset, boolean clean) {
  static final String FILE_NAME = "recovery-point";
  static final int MAGIC = 0x45445952;
  static final byte VERSION = 1;
  static final int SIZE = 20;
  static final RecoveryPoint NONE = new RecoveryPoint(0, false);

  byte[] encode() {
    ByteBuffer b = ByteBuffer.allocate(SIZE);
    b.putInt(MAGIC).put(VERSION).put((byte) (clean ? 1 : 0)).putShort((short) 0).putLong(offset);
    b.putInt(crc(b.array()));
    return b.array();
  }

  static RecoveryPoint decode(byte[] b) {
    if (b.length != SIZE || ByteSource.intAt(b, 0) != MAGIC || b[4] != VERSION || ByteSource.intAt(b, 16) != crc(b)
        || (b[5] & 0xFE) != 0) {
      throw new MalformedDataException("not a valid recovery point file of version " + VERSION);
    }
    return new RecoveryPoint(ByteSource.longAt(b, 8), b[5] == 1);
  }

  private static int crc(byte[] b) {
    CRC32C c = new CRC32C();
    c.update(b, 0, 16);
    return (int) c.getValue();
  }
}
