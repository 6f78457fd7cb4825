package io.eddy.log.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A {@link FileIo} over the real file system that injects faults: a disk that fills up after a
 * byte budget (the write that crosses it is torn: the part that fits is written, then "No space
 * left on device"), failing fsync, and a simulated power cut ({@link #powerCut}) that drops the
 * bytes written since each file's last force (keeping a random prefix of them: a torn write).
 * Counts the bytes read from segment files, so tests can tell a scan from a trusted index.
 * Thread-safe (synchronized).
 */
final class FaultyFileIo implements FileIo {
  private final FileIo real = FileIo.system();
  /** Per file: the size at its last force; files never forced are absent (size 0 after a cut). */
  private final Map<Path, Long> durable = new HashMap<>();
  private final Map<Path, Long> written = new HashMap<>();
  private long spaceLeft = Long.MAX_VALUE;
  private boolean failForce;
  private boolean skipForce;
  private long segmentBytesRead;

  synchronized void diskFullAfter(long bytes) {
    spaceLeft = bytes;
  }

  synchronized void failForce(boolean on) {
    failForce = on;
  }

  /** Makes force a no-op (that still counts as forced): for tests that reopen thousands of times. */
  synchronized FaultyFileIo skipForce() {
    skipForce = true;
    return this;
  }

  synchronized long segmentBytesRead() {
    return segmentBytesRead;
  }

  /** Drops every unforced byte (keeping a random prefix of each file's unforced tail). */
  synchronized void powerCut(Random random) throws IOException {
    for (Map.Entry<Path, Long> e : written.entrySet()) {
      Path p = e.getKey();
      long keep = durable.getOrDefault(p, 0L);
      if (!real.exists(p) || e.getValue() <= keep) {
        continue;
      }
      long torn = keep + (long) (random.nextDouble() * (e.getValue() - keep));
      try (StorageFile f = real.open(p)) {
        if (f.size() > torn) {
          f.truncate(torn);
        }
      }
    }
    written.clear();
    durable.clear();
  }

  @Override
  public StorageFile open(Path path) throws IOException {
    StorageFile f = real.open(path);
    return new StorageFile() {
      @Override
      public int read(ByteBuffer dst, long position) throws IOException {
        int n = f.read(dst, position);
        countRead(path, n);
        return n;
      }

      @Override
      public int write(ByteBuffer src, long position) throws IOException {
        return FaultyFileIo.this.write(path, f, src, position);
      }

      @Override
      public long size() throws IOException {
        return f.size();
      }

      @Override
      public void truncate(long size) throws IOException {
        f.truncate(size);
        synchronized (FaultyFileIo.this) {
          written.put(path, Math.min(written.getOrDefault(path, size), size));
        }
      }

      @Override
      public void force() throws IOException {
        synchronized (FaultyFileIo.this) {
          if (failForce) {
            throw new IOException("Input/output error (injected fsync failure)");
          }
          if (!skipForce) {
            f.force();
          }
          durable.put(path, f.size());
        }
      }

      @Override
      public void close() throws IOException {
        f.close();
      }
    };
  }

  private synchronized void countRead(Path path, int n) {
    if (n > 0 && path.toString().endsWith(Segment.SUFFIX)) {
      segmentBytesRead += n;
    }
  }

  private synchronized int write(Path path, StorageFile f, ByteBuffer src, long position) throws IOException {
    if (spaceLeft <= 0) {
      throw new IOException("No space left on device (injected)");
    }
    int n = (int) Math.min(src.remaining(), spaceLeft);
    ByteBuffer part = src.slice(src.position(), n);
    int w = f.write(part, position);
    src.position(src.position() + w);
    spaceLeft -= w;
    written.merge(path, position + w, Math::max);
    return w;
  }

  @Override
  public synchronized void forceDirectory(Path dir) throws IOException {
    if (failForce) {
      throw new IOException("Input/output error (injected fsync failure)");
    }
    if (!skipForce) {
      real.forceDirectory(dir);
    }
  }

  @Override
  public synchronized void move(Path from, Path to) throws IOException {
    real.move(from, to);
    Long d = durable.remove(from);
    Long w = written.remove(from);
    durable.remove(to);
    written.remove(to);
    if (d != null) {
      durable.put(to, d);
    }
    if (w != null) {
      written.put(to, w);
    }
  }

  @Override
  public void deleteIfExists(Path path) throws IOException {
    real.deleteIfExists(path);
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    return real.list(dir);
  }

  @Override
  public boolean exists(Path path) {
    return real.exists(path);
  }
}
