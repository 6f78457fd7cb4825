package io.eddy.engine.internal.parallel;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.exec.circuit.Circuit;
import io.eddy.exec.circuit.Dataflow;
import io.eddy.exec.circuit.Exchanges;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code parallelism} setting: how many workers run each standing query started under it
 * (engine setting, config key {@code engine.parallelism}, or {@code SET parallelism = n} in the
 * session that creates a view; not persisted, like the watermark settings). 1, the default, is
 * one thread per query. At most {@link #MAX}.
 */
public final class Parallelism {
  public static final String KEY = "parallelism";
  public static final int MAX = 64;

  private Parallelism() {}

  /** The parallelism of {@code settings} (later maps override earlier ones); 1 when unset. */
  @SafeVarargs
  public static int of(Map<String, String>... settings) {
    int n = 1;
    for (Map<String, String> s : settings) {
      String v = s.get(KEY);
      if (v != null) {
        n = parse(v);
      }
    }
    return n;
  }

  /** Parses a value; a CONFIG error when it is not a whole number from 1 to {@link #MAX}. */
  public static int parse(String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= MAX) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new EddyException(ErrorCode.CONFIG, "'" + value + "' is not a value of " + KEY, null, null,
        "a whole number from 1 to " + MAX + " (workers per standing query)", null);
  }

  /**
   * One circuit for parallelism 1, else {@code n} workers' copies of it; one circuit too when
   * workers cannot run it ({@link Exchanges#supports}: a self-join's shared arrangement).
   */
  public static Dataflow dataflow(String name, int n, Supplier<Circuit> copies) {
    if (n == 1) {
      return copies.get();
    }
    Circuit first = copies.get();
    if (!Exchanges.supports(first)) {
      return first;
    }
    boolean[] used = {false};
    return new ParallelCircuit(name, n, () -> {
      if (!used[0]) {
        used[0] = true;
        return first;
      }
      return copies.get();
    });
  }
}
