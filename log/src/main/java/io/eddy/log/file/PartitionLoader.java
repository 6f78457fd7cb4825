package io.eddy.log.file;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.format.MalformedDataException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Opens the segment files of one partition directory and rebuilds their in-memory indexes.
 *
 * <p>Crash behaviour: every segment is scanned batch by batch; the last one (the only one that can
 * have been written when the process stopped) is also checked by CRC. A torn or corrupt tail of
 * the last segment is cut off at the end of the last good batch, and what was cut is logged at
 * WARNING. Any defect in an earlier segment, or a gap between segments, refuses to open the
 * partition with {@code STORAGE}: those bytes were sealed and cutting them would lose acknowledged
 * records silently.
 */
final class PartitionLoader {
  private static final System.Logger LOG = System.getLogger(PartitionLoader.class.getName());
  private static final int SCAN_CHUNK = 1 << 20;

  /** The loaded segments in offset order (never empty) and the partition's end offset. */
  record Loaded(List<Segment> segments, long endOffset) {}

  private PartitionLoader() {}

  static Loaded load(Path dir, LogConfig config, String name) throws IOException {
    List<Long> bases = segmentBases(dir);
    List<Segment> segments = new ArrayList<>();
    try {
      if (bases.isEmpty()) {
        segments.add(Segment.open(dir, 0, config.indexIntervalBytes()));
        return new Loaded(segments, 0);
      }
      long expected = bases.get(0);
      byte[] buffer = new byte[SCAN_CHUNK];
      for (int i = 0; i < bases.size(); i++) {
        Segment s = Segment.open(dir, bases.get(i), config.indexIntervalBytes());
        segments.add(s);
        if (s.baseOffset() != expected) {
          throw new EddyException(ErrorCode.STORAGE, name + ": segment " + s.path() + " starts at offset "
              + s.baseOffset() + " but the previous segment ends at " + expected);
        }
        expected = scan(s, expected, i == bases.size() - 1, buffer, name);
      }
      return new Loaded(segments, expected);
    } catch (IOException | RuntimeException e) {
      for (Segment s : segments) {
        s.close();
      }
      throw e;
    }
  }

  /** Loads the batches of {@code s} into its index and returns the offset after its last batch. */
  private static long scan(Segment s, long expected, boolean last, byte[] buffer, String name) throws IOException {
    long fileSize = s.channel().size();
    BatchCursor cursor = new BatchCursor(s.channel(), 0, fileSize, SCAN_CHUNK, buffer);
    try {
      while (cursor.next()) {
        BatchHeader h = cursor.header();
        if (h.baseOffset() != expected) {
          throw new MalformedDataException("batch at file position " + cursor.position() + " has base offset "
              + h.baseOffset() + ", expected " + expected);
        }
        if (last && !BatchFormat.crcMatches(cursor.buffer(), cursor.bufferOffset(), h)) {
          throw new MalformedDataException("CRC mismatch in batch " + h.baseOffset() + " at file position "
              + cursor.position());
        }
        s.acceptLoaded(h.baseOffset(), h.sizeInBytes());
        expected = h.nextOffset();
      }
      return expected;
    } catch (MalformedDataException e) {
      if (!last) {
        throw new EddyException(ErrorCode.STORAGE, name + ": sealed segment " + s.path() + " is corrupt: "
            + e.getMessage() + "; refusing to open the partition");
      }
      long cut = fileSize - s.size();
      long keep = s.size();
      long end = expected;
      LOG.log(Level.WARNING, () -> name + ": cut " + cut + " bytes from the tail of " + s.path() + " at position "
          + keep + " (" + e.getMessage() + "); the partition now ends at offset " + end);
      s.truncateFileTo(s.size());
      return expected;
    }
  }

  private static List<Long> segmentBases(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> Segment.parseBaseOffset(p.getFileName().toString()))
          .filter(b -> b >= 0).sorted().toList();
    }
  }
}
