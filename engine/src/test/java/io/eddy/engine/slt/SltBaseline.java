package io.eddy.engine.slt;

import io.eddy.engine.slt.SltOutcome.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checked-in list of query records known not to pass, one per line:
 * {@code file \t line \t class \t reason}, where class is {@code SQLITE_QUIRK} (SQLite's answer is
 * not what the SQL standard or DuckDB/PostgreSQL give), {@code UNSUPPORTED} (Eddy cannot plan it
 * yet: a skip) or {@code EDDY_BUG}. Lines starting with {@code #} are comments. Mutable: built by
 * {@link #load} and changed by {@link #replace}; not thread-safe.
 */
final class SltBaseline {
  private static final String HEADER = """
      # Known non-passing sqllogictest records (see io.eddy.engine.slt.SltConformanceTest).
      # file\tline\tclass (SQLITE_QUIRK | UNSUPPORTED | EDDY_BUG)\treason
      # Rewrite with: mvn -pl engine test -Dtest=SltConformanceTest -Deddy.slt.updateBaseline=true
      """;

  /** One known non-passing record. */
  record Entry(String file, int line, Kind kind, String reason) {}

  private final Map<String, Map<Integer, Entry>> byFile = new TreeMap<>();

  static SltBaseline load(Path path) throws IOException {
    SltBaseline b = new SltBaseline();
    if (!Files.exists(path)) {
      return b;
    }
    for (String line : Files.readAllLines(path)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 4);
      if (f.length < 3) {
        throw new IllegalArgumentException("bad baseline line: " + line);
      }
      b.put(new Entry(f[0], Integer.parseInt(f[1]), Kind.valueOf(f[2]), f.length > 3 ? f[3] : ""));
    }
    return b;
  }

  Entry get(String file, int line) {
    return byFile.getOrDefault(file, Map.of()).get(line);
  }

  /**
   * Replaces the entries of {@code file} for the records that ran with their new outcomes. An
   * entry that a person classified as a SQLite quirk keeps that class and reason while the record
   * still does not pass.
   */
  void replace(String file, Collection<SltOutcome> ran) {
    Map<Integer, Entry> entries = byFile.computeIfAbsent(file, f -> new TreeMap<>());
    for (SltOutcome o : ran) {
      Entry old = entries.remove(o.line());
      if (o.passed()) {
        continue;
      }
      boolean keep = old != null && old.kind() == Kind.SQLITE_QUIRK;
      put(keep ? old : new Entry(file, o.line(), o.kind(), o.reason()));
    }
  }

  void write(Path path) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Map<Integer, Entry> entries : byFile.values()) {
      for (Entry e : entries.values()) {
        lines.add(e.file() + "\t" + e.line() + "\t" + e.kind() + "\t" + e.reason());
      }
    }
    Files.createDirectories(path.getParent());
    Files.writeString(path, HEADER + String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
  }

  private void put(Entry e) {
    byFile.computeIfAbsent(e.file(), f -> new TreeMap<>()).put(e.line(), e);
  }
}
