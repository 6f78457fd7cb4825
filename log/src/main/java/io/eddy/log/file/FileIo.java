package io.eddy.log.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Every file operation of the embedded log goes through this interface, so tests can tear
 * writes, drop unsynced bytes, flip bits, fill the disk or fail {@code fsync}
 * ({@code FaultyFileIo} in the tests). {@link #system()} is the real implementation over
 * {@link java.nio.channels.FileChannel}.
 *
 * <p>Implementations are thread-safe. Any {@link IOException} is a storage failure: the log
 * treats it as fail-stop for the partition that saw it and never retries the operation.
 */
public interface FileIo {

  /** Opens {@code path} for reading and writing, creating an empty file if it is missing. */
  StorageFile open(Path path) throws IOException;

  /** Forces the entries of {@code dir} (files created, renamed or deleted in it) to the device. */
  void forceDirectory(Path dir) throws IOException;

  /** Renames {@code from} to {@code to} atomically, replacing {@code to}. */
  void move(Path from, Path to) throws IOException;

  void deleteIfExists(Path path) throws IOException;

  /** The regular files directly in {@code dir}. */
  List<Path> list(Path dir) throws IOException;

  boolean exists(Path path);

  /** The real file system. */
  static FileIo system() {
    return SystemFileIo.INSTANCE;
  }

  /**
   * Writes {@code bytes} as the whole new contents of {@code target}: to a temporary file beside
   * it, forced when {@code force}, then renamed over {@code target} (and the directory forced), so
   * a crash leaves either the old or the new contents.
   */
  default void writeAtomically(Path target, byte[] bytes, boolean force) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (StorageFile f = open(tmp)) {
      f.truncate(0);
      f.writeFully(bytes, 0, bytes.length, 0);
      if (force) {
        f.force();
      }
    }
    move(tmp, target);
    if (force) {
      forceDirectory(target.getParent());
    }
  }

  /** The whole contents of {@code path}, which must exist. */
  default byte[] readAll(Path path) throws IOException {
    try (StorageFile f = open(path)) {
      long size = f.size();
      if (size > Integer.MAX_VALUE) {
        throw new IOException(path + " is too large to read at once (" + size + " bytes)");
      }
      byte[] b = new byte[(int) size];
      f.readFully(b, 0, b.length, 0);
      return b;
    }
  }
}
