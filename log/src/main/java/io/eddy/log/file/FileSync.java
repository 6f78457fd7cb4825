package io.eddy.log.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forces files and directory entries to the device. Stateless. */
final class FileSync {
  private FileSync() {}

  /** Forces {@code path}'s contents; for a directory, its entries (files created, renamed, deleted in it). */
  static void force(Path path) throws IOException {
    try (FileChannel c = FileChannel.open(path, StandardOpenOption.READ)) {
      c.force(true);
    }
  }
}
