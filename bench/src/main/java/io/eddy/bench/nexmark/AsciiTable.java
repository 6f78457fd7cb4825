package io.eddy.bench.nexmark;

import io.eddy.engine.RowAppender;
import java.nio.charset.StandardCharsets;

/**
 * Fixed ASCII strings packed back to back in one array, entry {@code i} at
 * {@code [starts[i], starts[i + 1])}, for handing to a {@link RowAppender} as slices (one array
 * and one offset table instead of an array per entry). Immutable after construction.
 */
final class AsciiTable {
  private final byte[] bytes;
  private final int[] starts;

  /** The table of {@code entries}, which must be ASCII. */
  AsciiTable(String[] entries) {
    this.starts = new int[entries.length + 1];
    for (int i = 0; i < entries.length; i++) {
      starts[i + 1] = starts[i] + entries[i].length();
    }
    this.bytes = new byte[starts[entries.length]];
    for (int i = 0; i < entries.length; i++) {
      byte[] b = entries[i].getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(b, 0, bytes, starts[i], b.length);
    }
  }

  int length(int entry) {
    return starts[entry + 1] - starts[entry];
  }

  /** Sets column {@code column} of {@code row} to entry {@code entry}. */
  void set(RowAppender row, int column, int entry) {
    int from = starts[entry];
    row.setUtf8(column, bytes, from, starts[entry + 1] - from);
  }
}
