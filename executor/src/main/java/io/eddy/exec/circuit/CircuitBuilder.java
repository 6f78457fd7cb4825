package io.eddy.exec.circuit;

import io.eddy.common.type.RowType;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles a {@link Circuit}. Nodes are numbered in creation order, and every node's inputs must
 * already exist, so creation order is a topological order. Not thread-safe.
 */
public final class CircuitBuilder {
  private final List<Circuit.Node> nodes = new ArrayList<>();
  private final List<Circuit.Source> sources = new ArrayList<>();

  /**
   * A source fed by the caller (a log partition reader, a snapshot) with deltas of {@code type}.
   * {@code name} is what the source reads, e.g. a stream's name.
   */
  public int source(String name, RowType type) {
    return source(name, type, null);
  }

  /** A source of which only {@code columns} are read (null: all), see {@link Circuit.Source}. */
  public int source(String name, RowType type, java.util.BitSet columns) {
    int id = nodes.size();
    nodes.add(new Circuit.Node(id, null, type, new int[0]));
    sources.add(new Circuit.Source(sources.size(), id, name, type, columns));
    return id;
  }

  /**
   * Adds an operator whose input port {@code i} is fed by node {@code inputs[i]}, and tells it its
   * producers ({@link Operator#bindInputs}).
   */
  public int add(Operator op, RowType outputType, int... inputs) {
    for (int in : inputs) {
      if (in < 0 || in >= nodes.size()) {
        throw new IllegalArgumentException("input node " + in + " does not exist");
      }
    }
    List<Operator> producers = new ArrayList<>();
    for (int in : inputs) {
      producers.add(nodes.get(in).op());
    }
    op.bindInputs(producers);
    int id = nodes.size();
    nodes.add(new Circuit.Node(id, op, outputType, inputs.clone()));
    return id;
  }

  public RowType typeOf(int node) {
    return nodes.get(node).type();
  }

  /** The circuit whose result is node {@code output}. */
  public Circuit build(int output) {
    return new Circuit(nodes, sources, output);
  }
}
