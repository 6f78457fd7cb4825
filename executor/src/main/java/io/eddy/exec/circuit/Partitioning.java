package io.eddy.exec.circuit;

import java.util.Arrays;

/**
 * How the rows reaching one input of an operator must be spread over the workers of a query run
 * with parallelism N ({@link Exchanges}), so that each worker's copy of the operator sees every
 * row it has to combine with another: {@link Kind#ANY} (the operator handles each row on its own:
 * filter, project, union, window assignment), {@link Kind#KEYED} (rows with equal values in the
 * {@link #keys} columns must meet: group keys, join keys, TOP-N partition keys) or {@link
 * Kind#SINGLE} (every row on one worker: global aggregates, operators without a known key).
 * Immutable.
 */
public record Partitioning(Kind kind, int[] keys) {
  public enum Kind { ANY, KEYED, SINGLE }

  public static final Partitioning ANY = new Partitioning(Kind.ANY, new int[0]);
  public static final Partitioning SINGLE = new Partitioning(Kind.SINGLE, new int[0]);

  public Partitioning {
    keys = keys.clone();
  }

  /** Rows with equal values in {@code keys} must meet; no keys means {@link #SINGLE}. */
  public static Partitioning keyed(int... keys) {
    return keys.length == 0 ? SINGLE : new Partitioning(Kind.KEYED, keys);
  }

  @Override
  public int[] keys() {
    return keys.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Partitioning p && p.kind == kind && Arrays.equals(p.keys, keys);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(keys);
  }

  @Override
  public String toString() {
    return kind == Kind.KEYED ? "keys" + Arrays.toString(keys) : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
