package io.eddy.engine.diff;

import java.util.List;

/** A seeded scenario: sources, the steps applied to them, and the queries kept as views. */
record Workload(long seed, List<SourceDef> sources, List<Op> ops, List<String> queries) {
  Workload {
    sources = List.copyOf(sources);
    ops = List.copyOf(ops);
    queries = List.copyOf(queries);
  }

  /** Everything needed to reproduce a failure by hand. */
  String describe() {
    StringBuilder sb = new StringBuilder("seed ").append(seed).append('\n');
    sources.forEach(s -> sb.append("  ").append(s.eddyDdl()).append('\n'));
    for (int i = 0; i < queries.size(); i++) {
      sb.append("  q").append(i).append(": ").append(queries.get(i)).append('\n');
    }
    return sb.toString();
  }
}
