package io.eddy.exec.window;

import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.circuit.Circuit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A circuit opened with its output integrated into a Z-set and its late rows recorded as
 * {@code row@start..end} in arrival order: what a fused window operator and the path it replaces
 * are compared by.
 */
public final class RecordedCircuit {
  public final Circuit circuit;
  public final Map<Row, Long> out = new HashMap<>();
  public final List<String> late = new ArrayList<>();

  public RecordedCircuit(Circuit circuit) {
    this.circuit = circuit;
    circuit.open(b -> ZSets.addInto(out, b),
        (type, b, r, ts, start, end) -> late.add(Row.from(b, r) + "@" + start + ".." + end));
  }
}
