package io.eddy.exec.circuit;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a circuit run by N parallel workers needs a keyed exchange, and how each worker's copy
 * is rewired to have them. Every worker runs a copy of the whole circuit; each source row enters
 * one worker. An operator input that needs rows with equal keys together ({@link
 * Partitioning.Kind#KEYED}) or all rows ({@link Partitioning.Kind#SINGLE}) is fed through an
 * exchange: in each copy the producer's output goes into an {@link ExchangeOperator} (which routes
 * rows by key hash, or to worker 0, through the worker's {@link ExchangeOutbox}), and the consumer
 * reads a new source, {@code exchange#i}, which the parallel runtime feeds with what every
 * worker sent it. Nodes whose rows all live on worker 0 (operators without inputs such as VALUES,
 * and everything fed only by them or by a SINGLE input) are silent on the other workers, so what
 * they emit on open (VALUES rows, a global aggregate's initial row) appears once.
 *
 * <p>Immutable; computed from one copy, valid for every copy instantiated from the same plan.
 */
public final class Exchanges {
  /** Exchange {@code index}: feeds input {@code port} of node {@code consumer} from node {@code producer}. */
  private record Edge(int index, int producer, int consumer, int port, Partitioning to) {}

  private final List<Edge> edges;
  private final boolean[] single;
  private final int sources;

  private Exchanges(List<Edge> edges, boolean[] single, int sources) {
    this.edges = List.copyOf(edges);
    this.single = single;
    this.sources = sources;
  }

  /** The exchanges {@code circuit} (an unopened copy) needs. */
  public static Exchanges of(Circuit circuit) {
    List<Circuit.Node> nodes = circuit.nodes();
    boolean[] single = new boolean[nodes.size()];
    List<Edge> edges = new ArrayList<>();
    for (Circuit.Node n : nodes) {
      if (n.op() == null) {
        continue;
      }
      boolean allSingle = true;
      for (int port = 0; port < n.inputs().length; port++) {
        int in = n.inputs()[port];
        Partitioning need = n.op().partitioning(port);
        switch (need.kind()) {
          case ANY -> allSingle &= single[in];
          case KEYED -> {
            edges.add(earliest(nodes, consumers(nodes), single, new Edge(edges.size(), in, n.id(), port, need)));
            allSingle = false;
          }
          case SINGLE -> {
            if (!single[in]) {
              edges.add(new Edge(edges.size(), in, n.id(), port, need));
            }
          }
        }
      }
      single[n.id()] = allSingle;
    }
    return new Exchanges(edges, single, circuit.sources().size());
  }

  /**
   * Moves a keyed exchange in front of the row-by-row operators that produce its input while they
   * pass the key columns through unchanged and feed nothing else (a window assignment multiplies
   * rows: exchanging before it sends fewer); rows equal on the key are then equal on it there too.
   */
  private static Edge earliest(List<Circuit.Node> nodes, int[] consumers, boolean[] single, Edge e) {
    Edge at = e;
    while (true) {
      Circuit.Node p = nodes.get(at.producer());
      if (p.op() == null || p.inputs().length != 1 || consumers[p.id()] != 1 || single[p.id()]
          || p.op().partitioning(0).kind() != Partitioning.Kind.ANY) {
        return at;
      }
      int[] keys = at.to().keys();
      for (int k = 0; k < keys.length; k++) {
        keys[k] = p.op().passThrough(keys[k]);
        if (keys[k] < 0) {
          return at;
        }
      }
      at = new Edge(e.index(), p.inputs()[0], p.id(), 0, Partitioning.keyed(keys));
    }
  }

  /** Per node, how many operator inputs it feeds. */
  private static int[] consumers(List<Circuit.Node> nodes) {
    int[] n = new int[nodes.size()];
    for (Circuit.Node node : nodes) {
      for (int in : node.inputs()) {
        n[in]++;
      }
    }
    return n;
  }

  /**
   * Whether workers can run {@code circuit} (an unopened copy): not when an operator reads another
   * operator's state directly (a join reading a shared arrangement, {@code ArrangeOperator}), since
   * an exchange between them would separate the reader from the state it reads.
   */
  public static boolean supports(Circuit circuit) {
    for (Circuit.Node n : circuit.nodes()) {
      if (n.op() instanceof io.eddy.exec.operator.ArrangeOperator) {
        return false;
      }
    }
    return true;
  }

  /** How many exchanges there are. */
  public int count() {
    return edges.size();
  }

  /** The source index of exchange {@code i} in a rewired copy: after the circuit's own sources. */
  public int sourceOf(int exchange) {
    return sources + exchange;
  }

  /** One line per exchange, for EXPLAIN: which operator input it feeds and how rows are routed. */
  public List<String> describe(Circuit circuit) {
    List<String> lines = new ArrayList<>();
    for (Edge e : edges) {
      lines.add("Exchange#" + e.index() + " (" + (e.to().kind() == Partitioning.Kind.KEYED
          ? "by hash of " + e.to() : "to worker 0") + ") into input " + e.port() + " of "
          + circuit.nodes().get(e.consumer()).op().describe());
    }
    return lines;
  }

  /**
   * Worker {@code worker}'s circuit: the operators of {@code copy} (an unopened circuit of the same
   * plan; its operators now belong to the result) with the exchanges in place, sending through
   * {@code outbox}. Its sources are {@code copy}'s, in the same order, then one per exchange.
   */
  public Circuit rewire(Circuit copy, int worker, int workers, ExchangeOutbox outbox) {
    List<Circuit.Node> old = copy.nodes();
    List<Circuit.Node> nodes = new ArrayList<>();
    Circuit.Source[] sourceList = new Circuit.Source[sources + edges.size()];
    List<Boolean> silent = new ArrayList<>();
    int[] moved = new int[old.size()];
    for (Circuit.Node n : old) {
      if (n.op() == null) {
        Circuit.Source s = copy.sources().stream().filter(x -> x.node() == n.id()).findFirst().orElseThrow();
        moved[n.id()] = nodes.size();
        sourceList[s.index()] = new Circuit.Source(s.index(), nodes.size(), s.name(), s.type(), s.columns());
        nodes.add(new Circuit.Node(nodes.size(), null, n.type(), new int[0]));
        silent.add(false);
        continue;
      }
      int[] inputs = new int[n.inputs().length];
      for (int port = 0; port < inputs.length; port++) {
        inputs[port] = moved[n.inputs()[port]];
        for (Edge e : edges) {
          if (e.consumer() == n.id() && e.port() == port) {
            Circuit.Node producer = old.get(e.producer());
            nodes.add(new Circuit.Node(nodes.size(), new ExchangeOperator(e.index(), e.to(), workers, outbox),
                producer.type(), new int[] {moved[e.producer()]}));
            silent.add(false);
            int index = sourceOf(e.index());
            sourceList[index] = new Circuit.Source(index, nodes.size(), "exchange#" + e.index(), producer.type());
            inputs[port] = nodes.size();
            nodes.add(new Circuit.Node(nodes.size(), null, producer.type(), new int[0]));
            silent.add(false);
          }
        }
      }
      moved[n.id()] = nodes.size();
      nodes.add(new Circuit.Node(nodes.size(), n.op(), n.type(), inputs));
      silent.add(worker != 0 && single[n.id()]);
    }
    boolean[] quiet = new boolean[silent.size()];
    for (int i = 0; i < quiet.length; i++) {
      quiet[i] = silent.get(i);
    }
    return new Circuit(nodes, List.of(sourceList), moved[copy.output()], quiet);
  }
}
