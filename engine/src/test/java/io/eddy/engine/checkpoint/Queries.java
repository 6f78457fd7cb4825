package io.eddy.engine.checkpoint;

import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** What the restart tests read from a session: sorted result rows, and how a query started. */
final class Queries {
  private Queries() {}

  /** The rows of {@code sql}, each as {@link Arrays#toString}, sorted. */
  static List<String> read(Session s, String sql) {
    List<String> out = new ArrayList<>();
    for (Object[] row : ((Result.Rows) s.execute(sql)).rows()) {
      out.add(Arrays.toString(row));
    }
    Collections.sort(out);
    return out;
  }

  /** SHOW QUERIES' {@code started_from} of the query named {@code name}. */
  static String startedFrom(Session s, String name) {
    for (Object[] row : ((Result.Rows) s.execute("SHOW QUERIES")).rows()) {
      if (row[0].equals(name)) {
        return (String) row[row.length - 1];
      }
    }
    throw new AssertionError("no query " + name);
  }
}
