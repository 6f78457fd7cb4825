package io.eddy.exec.circuit;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.ZBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * A standing query's dataflow: sources, operators and one output. {@link #push} sends a delta
 * into a source; it flows synchronously through every operator downstream, depth first, and the
 * output's deltas reach the sink given to {@link #open}. Driven by one thread; not thread-safe
 * except {@link #stateSize()} and {@link #explain()}, which only read.
 */
public final class Circuit {
  /** A node: a source ({@code op == null}) or an operator with its input nodes. */
  record Node(int id, Operator op, RowType type, int[] inputs) {}

  /** A source of the circuit: its index, node, what it reads and the type of its deltas. */
  public record Source(int index, int node, String name, RowType type) {}

  private record Edge(int node, int port) {}

  private final List<Node> nodes;
  private final List<Source> sources;
  private final int output;
  private final List<List<Edge>> consumers = new ArrayList<>();
  private final Emitter[] emitters;
  private boolean opened;

  Circuit(List<Node> nodes, List<Source> sources, int output) {
    this.nodes = List.copyOf(nodes);
    this.sources = List.copyOf(sources);
    this.output = output;
    for (int i = 0; i < nodes.size(); i++) {
      consumers.add(new ArrayList<>());
    }
    for (Node n : nodes) {
      for (int p = 0; p < n.inputs().length; p++) {
        consumers.get(n.inputs()[p]).add(new Edge(n.id(), p));
      }
    }
    this.emitters = new Emitter[nodes.size()];
  }

  public List<Source> sources() {
    return sources;
  }

  public RowType outputType() {
    return nodes.get(output).type();
  }

  /** Opens every operator in topological order; their initial output flows to {@code sink}. */
  public void open(Emitter sink) {
    if (opened) {
      throw new IllegalStateException("circuit already open");
    }
    opened = true;
    for (Node n : nodes) {
      List<Edge> outs = consumers.get(n.id());
      boolean isOutput = n.id() == output;
      emitters[n.id()] = batch -> {
        if (batch.size() == 0) {
          return;
        }
        for (Edge e : outs) {
          nodes.get(e.node()).op().onBatch(e.port(), batch);
        }
        if (isOutput) {
          sink.emit(batch);
        }
      };
    }
    for (Node n : nodes) {
      if (n.op() != null) {
        n.op().open(emitters[n.id()]);
      }
    }
  }

  /** Sends a delta into source {@code sourceIndex}. */
  public void push(int sourceIndex, ZBatch batch) {
    if (!opened) {
      throw new IllegalStateException("circuit not open");
    }
    emitters[sources.get(sourceIndex).node()].emit(batch);
  }

  /** Total state held by all operators. */
  public StateSize stateSize() {
    StateSize s = StateSize.NONE;
    for (Node n : nodes) {
      if (n.op() != null) {
        s = s.plus(n.op().stateSize());
      }
    }
    return s;
  }

  /** Per node, from the output down, one indented line each. */
  public List<String> explain() {
    List<String> lines = new ArrayList<>();
    explain(output, 0, lines);
    return lines;
  }

  private void explain(int id, int depth, List<String> lines) {
    Node n = nodes.get(id);
    String what;
    if (n.op() == null) {
      what = "Source(" + sources.stream().filter(s -> s.node() == id).findFirst().orElseThrow().name() + ")";
    } else {
      what = n.op().describe();
      StateSize s = n.op().stateSize();
      if (s.rows() > 0) {
        what += " [state: " + s.rows() + " rows, " + s.bytes() + " bytes]";
      }
    }
    lines.add("  ".repeat(depth) + what);
    for (int in : n.inputs()) {
      explain(in, depth + 1, lines);
    }
  }
}
