package io.eddy.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eddy.jdbc.StatementProgress;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void rendersFractionBytesRowsAndRate() {
    assertEquals("COPY bids [########------------]  40%  2.0 MB / 5.0 MB  48000 rows  24000 rows/s",
        ProgressBar.render(new StatementProgress("COPY bids", 2 << 20, 5 << 20, 48_000), 2_000_000_000L));
    assertEquals("COPY bids 0.5 MB  10 rows  10 rows/s",
        ProgressBar.render(new StatementProgress("COPY bids", 1 << 19, -1, 10), 1_000_000_000L));
  }
}
