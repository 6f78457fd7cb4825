package io.eddy.engine.slt;

import java.util.List;

/**
 * A parsed sqllogictest file: its records that apply to Eddy, in file order, and how many query
 * records were left out by {@code skipif}/{@code onlyif} guards.
 */
public record SltScript(String name, List<SltRecord> records, int guardedOut) {
  public SltScript {
    records = List.copyOf(records);
  }

  public long queryCount() {
    return records.stream().filter(r -> r instanceof SltRecord.Query).count();
  }
}
