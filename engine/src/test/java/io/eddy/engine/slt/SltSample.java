package io.eddy.engine.slt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A deterministic sample of a file's query records, for the default (CI) run. In a file whose
 * statements all come before its queries, every n-th query is checked. In a file that interleaves
 * statements with queries (the {@code index/} files: deletes, views, re-created tables), the file
 * runs only up to its {@code size}-th query, and every query of that prefix is checked: its
 * statements must replay in order anyway, and the prefix still covers deletes between queries.
 * Immutable.
 *
 * @param script the records to run
 * @param selected which of their queries to check
 */
record SltSample(SltScript script, Predicate<SltRecord.Query> selected) {

  /** All of {@code script} when {@code size <= 0}, else a sample of about {@code size} queries. */
  static SltSample of(SltScript script, int size) {
    long n = script.queryCount();
    if (size <= 0 || n <= size) {
      return new SltSample(script, q -> true);
    }
    List<SltRecord> records = script.records();
    if (!interleaved(records)) {
      return new SltSample(script, everyNth(records, (n + size - 1) / size));
    }
    List<SltRecord> prefix = new ArrayList<>();
    int queries = 0;
    for (int i = 0; i < records.size() && queries < size; i++) {
      prefix.add(records.get(i));
      queries += records.get(i) instanceof SltRecord.Query ? 1 : 0;
    }
    return new SltSample(new SltScript(script.name(), prefix, script.guardedOut()), q -> true);
  }

  /** This sample narrowed to the query records at {@code lines}. */
  SltSample only(Set<Integer> lines) {
    return new SltSample(script, q -> selected.test(q) && lines.contains(q.line()));
  }

  /**
   * The selected queries split into runs of at most {@code size}, each to be checked in a fresh
   * engine that replays every statement: so each run's early views can all be registered before
   * the data (a live view is a thread, so only so many fit at once). A file that interleaves
   * statements with queries is one run: its results depend on the queries' positions.
   */
  List<Predicate<SltRecord.Query>> chunks(int size) {
    if (interleaved(script.records())) {
      return List.of(selected);
    }
    List<Predicate<SltRecord.Query>> out = new ArrayList<>();
    Set<Integer> lines = new HashSet<>();
    for (SltRecord r : script.records()) {
      if (r instanceof SltRecord.Query q && selected.test(q)) {
        lines.add(q.line());
        if (lines.size() == size) {
          out.add(inLines(lines));
          lines = new HashSet<>();
        }
      }
    }
    if (!lines.isEmpty() || out.isEmpty()) {
      out.add(inLines(lines));
    }
    return out;
  }

  private static Predicate<SltRecord.Query> inLines(Set<Integer> lines) {
    return q -> lines.contains(q.line());
  }

  private static boolean interleaved(List<SltRecord> records) {
    boolean seenQuery = false;
    for (SltRecord r : records) {
      if (r instanceof SltRecord.Query) {
        seenQuery = true;
      } else if (seenQuery) {
        return true;
      }
    }
    return false;
  }

  private static Predicate<SltRecord.Query> everyNth(List<SltRecord> records, long stride) {
    Set<Integer> lines = new HashSet<>();
    long ordinal = 0;
    for (SltRecord r : records) {
      if (r instanceof SltRecord.Query q && ordinal++ % stride == 0) {
        lines.add(q.line());
      }
    }
    return inLines(lines);
  }
}
