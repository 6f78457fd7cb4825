package io.eddy.engine.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Persists the catalog as the ordered list of the DDL statements that built it, in
 * {@code catalog.json} of the data directory: {@code {"version": 1, "statements": [...]}}.
 * Written to a temporary file, forced, then atomically renamed over the old one, so a crash
 * leaves either the old or the new catalog; with {@code log.fsync = none} (no durability asked
 * for) the temporary file is not forced, as the log's own files are not. Not thread-safe: the
 * engine serialises DDL.
 */
public final class CatalogStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final boolean force;

  /** A store that forces every catalog it writes. */
  public CatalogStore(Path dataDir) {
    this(dataDir, true);
  }

  /** A store that forces the catalogs it writes to the device only when {@code force}. */
  public CatalogStore(Path dataDir, boolean force) {
    this.file = dataDir.resolve("catalog.json");
    this.force = force;
  }

  public List<String> load() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      Map<?, ?> m = JSON.readValue(file.toFile(), Map.class);
      List<String> out = new ArrayList<>();
      for (Object o : (List<?>) m.get("statements")) {
        out.add((String) o);
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot read the catalog " + file + ": " + e.getMessage(), e);
    }
  }

  public void save(List<String> statements) {
    Path tmp = file.resolveSibling("catalog.json.tmp");
    try {
      byte[] bytes = JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(Map.of("version", 1, "statements", statements));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(java.nio.ByteBuffer.wrap(bytes));
        if (force) {
          ch.force(true);
        }
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot write the catalog " + file + ": " + e.getMessage(), e);
    }
  }
}
