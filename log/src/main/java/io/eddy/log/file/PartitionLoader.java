package io.eddy.log.file;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.format.MalformedDataException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the segments of one partition directory: recovery after a crash.
 *
 * <p>Segments wholly below the {@link RecoveryPoint} were forced before it was written; their
 * {@link IndexFile}s are trusted without reading the segment (a missing, stale or corrupt index
 * file is rebuilt by scanning). From the segment holding the recovery point on, every batch is
 * scanned and CRC-checked and the indexes rebuilt; after a clean close nothing is scanned. A
 * defect found there (torn or corrupt batch, wrong base offset, gap between segments) cuts the
 * partition at the end of the last good batch: the segment is truncated, every later segment
 * deleted, and what was cut logged at WARNING. A defect below the recovery point is corruption of
 * acknowledged data: the partition refuses to open with {@code STORAGE} naming the file and
 * position, unless {@link LogConfig#salvage()} allows the cut. Finally the segments are forced
 * and a new (not clean) recovery point at the end is written before any append.
 *
 * <p>Not thread-safe: one loader per partition open.
 */
final class PartitionLoader {
  private static final System.Logger LOG = System.getLogger(PartitionLoader.class.getName());
  private static final int SCAN_CHUNK = 1 << 20;

  /** The loaded segments in offset order (never empty) and the partition's end offset. */
  record Loaded(List<Segment> segments, long endOffset) {}

  /** A defect in segment {@code segment} at file {@code position}, where the batch at {@code offset} should start. */
  private record Defect(int segment, long position, long offset, String reason) {}

  private final FileIo io;
  private final Path dir;
  private final LogConfig config;
  private final String name;
  private final RecoveryPoint recoveryPoint;
  private final List<Segment> segments = new ArrayList<>();
  /** Scans all segments; forgotten before each (bytes past a torn tail may change once cut). */
  private final ReadWindow window = new ReadWindow(64 << 10);
  /** Index of the first segment scanned (not trusted from its index file). */
  private int scanFrom;

  private PartitionLoader(FileIo io, Path dir, LogConfig config, String name, RecoveryPoint recoveryPoint) {
    this.io = io;
    this.dir = dir;
    this.config = config;
    this.name = name;
    this.recoveryPoint = recoveryPoint;
  }

  static Loaded load(FileIo io, Path dir, LogConfig config, String name) throws IOException {
    removeLeftovers(io, dir);
    PartitionLoader loader = new PartitionLoader(io, dir, config, name, readRecoveryPoint(io, dir, name));
    try {
      return loader.load();
    } catch (IOException | RuntimeException e) {
      for (Segment s : loader.segments) {
        try {
          s.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private Loaded load() throws IOException {
    List<Long> bases = bases(io, dir, Segment.SUFFIX);
    if (bases.isEmpty()) {
      if (recoveryPoint.offset() > 0) {
        throw new EddyException(ErrorCode.STORAGE, name + ": " + dir + " holds no segment files but its recovery point"
            + " is at offset " + recoveryPoint.offset() + "; acknowledged records are missing");
      }
      segments.add(Segment.open(io, dir, 0, config.indexIntervalBytes()));
    } else {
      loadSegments(bases);
    }
    long end = segments.get(segments.size() - 1).nextOffset();
    if (end < recoveryPoint.offset()) {
      String msg = name + ": the partition ends at offset " + end + " but records up to its recovery point "
          + recoveryPoint.offset() + " were acknowledged as durable; they are missing from " + dir;
      if (!config.salvage()) {
        throw new EddyException(ErrorCode.STORAGE, msg + "; refusing to open the partition (salvage would accept this)");
      }
      LOG.log(Level.WARNING, msg + "; salvage: continuing without them");
    }
    for (Segment s : segments.subList(Math.min(scanFrom, segments.size() - 1), segments.size())) {
      s.file().force();
    }
    io.writeAtomically(dir.resolve(RecoveryPoint.FILE_NAME), new RecoveryPoint(end, false).encode(), true);
    return new Loaded(List.copyOf(segments), end);
  }

  private void loadSegments(List<Long> bases) throws IOException {
    int last = bases.size() - 1;
    scanFrom = config.salvage() ? 0 : recoveryPoint.clean() ? bases.size() : floorIndex(bases, recoveryPoint.offset());
    long expected = bases.get(0);
    for (int i = 0; i <= last; i++) {
      Segment s = Segment.open(io, dir, bases.get(i), config.indexIntervalBytes());
      segments.add(s);
      Defect defect;
      if (s.baseOffset() != expected) {
        defect = new Defect(i, 0, expected, "segment " + s.path().getFileName() + " starts at offset " + s.baseOffset()
            + " but the previous segment ends at " + expected);
      } else if ((i < scanFrom || i == last && recoveryPoint.clean()) && restoreIndex(s)) {
        expected = s.nextOffset();
        continue;
      } else {
        defect = scan(i, s, expected);
      }
      if (defect != null) {
        cut(defect, bases);
        return;
      }
      expected = s.nextOffset();
      if (i < last) {
        s.writeIndex(io, config.fsync() != LogConfig.Fsync.NONE);
      }
    }
  }

  /** Loads the batches of {@code s} into its index, checking CRCs; the first defect, or null. */
  private Defect scan(int i, Segment s, long expected) throws IOException {
    BatchCursor cursor = new BatchCursor(s.file(), 0, s.fileSize(), SCAN_CHUNK, window.forget()); // a torn tail may change
    try {
      while (cursor.next()) {
        BatchHeader h = cursor.header();
        if (h.baseOffset() != expected) {
          return new Defect(i, s.size(), expected, "batch has base offset " + h.baseOffset() + ", expected " + expected);
        }
        if (!BatchFormat.crcMatches(cursor.buffer(), cursor.bufferOffset(), h)) {
          return new Defect(i, s.size(), expected, "CRC mismatch in batch " + h.baseOffset());
        }
        s.acceptLoaded(h, BatchFormat.maxTimestamp(cursor.buffer(), cursor.bufferOffset(), h));
        expected = h.nextOffset();
      }
      return null;
    } catch (MalformedDataException e) {
      return new Defect(i, s.size(), expected, e.getMessage());
    }
  }

  /** Cuts the partition at a defect, or refuses when it lies in acknowledged data. */
  private void cut(Defect d, List<Long> bases) throws IOException {
    Segment s = segments.get(d.segment());
    String where = s.path() + " at file position " + d.position();
    if (d.offset() < recoveryPoint.offset() && !config.salvage()) {
      throw new EddyException(ErrorCode.STORAGE, name + ": corrupt data in " + where + " (offset " + d.offset()
          + ", below the recovery point " + recoveryPoint.offset() + "): " + d.reason()
          + "; refusing to open the partition (salvage would cut it there)");
    }
    long cutBytes = s.fileSize() - d.position();
    List<String> deleted = new ArrayList<>();
    for (int j = d.segment() + 1; j < bases.size(); j++) {
      Path p = dir.resolve(Segment.fileName(bases.get(j)));
      io.deleteIfExists(dir.resolve(IndexFile.fileName(bases.get(j))));
      io.deleteIfExists(p);
      deleted.add(p.getFileName().toString());
    }
    if (d.position() == 0 && d.offset() != s.baseOffset()) { // a gap: the segment does not continue the log
      segments.remove(d.segment());
      s.delete(io);
      deleted.add(0, s.path().getFileName().toString());
    } else {
      s.truncateFileTo(d.position());
      io.deleteIfExists(s.indexPath());
    }
    io.forceDirectory(dir);
    long end = segments.get(segments.size() - 1).nextOffset();
    LOG.log(Level.WARNING, () -> name + ": recovery cut " + cutBytes + " bytes from " + where + " (" + d.reason()
        + ")" + (deleted.isEmpty() ? "" : " and deleted the later segments " + deleted)
        + "; the partition now ends at offset " + end);
  }

  /** Takes the segment's index file if it is valid for the segment as it is; false if it must be rebuilt. */
  private boolean restoreIndex(Segment s) throws IOException {
    Path p = s.indexPath();
    if (!io.exists(p)) {
      LOG.log(Level.INFO, () -> name + ": no index file for " + s.path().getFileName() + "; rebuilding it");
      return false;
    }
    long size = s.fileSize();
    try {
      s.restore(IndexFile.decode(io.readAll(p), s.baseOffset(), size, config.indexIntervalBytes()), size);
      return true;
    } catch (MalformedDataException e) {
      LOG.log(Level.WARNING, () -> name + ": index file " + p + " is unusable (" + e.getMessage() + "); rebuilding it");
      return false;
    }
  }

  private static RecoveryPoint readRecoveryPoint(FileIo io, Path dir, String name) throws IOException {
    Path p = dir.resolve(RecoveryPoint.FILE_NAME);
    if (!io.exists(p)) {
      return RecoveryPoint.NONE;
    }
    try {
      return RecoveryPoint.decode(io.readAll(p));
    } catch (MalformedDataException e) {
      LOG.log(Level.WARNING, () -> name + ": " + p + " is unreadable (" + e.getMessage() + "); scanning every segment");
      return RecoveryPoint.NONE;
    }
  }

  /** Removes temporary files of interrupted atomic writes and index files without a segment. */
  private static void removeLeftovers(FileIo io, Path dir) throws IOException {
    List<Long> logs = bases(io, dir, Segment.SUFFIX);
    for (Path p : io.list(dir)) {
      String f = p.getFileName().toString();
      long indexBase = Segment.parseBaseOffset(f, IndexFile.SUFFIX);
      if (f.endsWith(".tmp") || indexBase >= 0 && !logs.contains(indexBase)) {
        io.deleteIfExists(p);
      }
    }
  }

  private static int floorIndex(List<Long> bases, long offset) {
    int found = 0;
    for (int i = 0; i < bases.size() && bases.get(i) <= offset; i++) {
      found = i;
    }
    return found;
  }

  static List<Long> bases(FileIo io, Path dir, String suffix) throws IOException {
    return io.list(dir).stream().map(p -> Segment.parseBaseOffset(p.getFileName().toString(), suffix))
        .filter(b -> b >= 0).sorted().toList();
  }
}
