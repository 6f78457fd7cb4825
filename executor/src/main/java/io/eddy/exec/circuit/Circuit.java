package io.eddy.exec.circuit;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * A standing query's dataflow: sources, operators and one output. {@link #push} sends a delta
 * into a source; it flows synchronously through every operator downstream, depth first, and the
 * output's deltas reach the sink given to {@link #open}. Driven by one thread; not thread-safe
 * except {@link #stateSize()} and {@link #explain()}, which only read.
 */
public final class Circuit implements Dataflow {
  /** A node: a source ({@code op == null}) or an operator with its input nodes. */
  record Node(int id, Operator op, RowType type, int[] inputs) {}

  /**
   * A source of the circuit: its index, node, what it reads and the type of its deltas.
   * {@code columns} are the columns its consumers read (null: all of them); the others may be
   * left NULL by whatever feeds the source, which saves decoding them.
   */
  public record Source(int index, int node, String name, RowType type, java.util.BitSet columns) {
    public Source {
      columns = columns == null ? null : (java.util.BitSet) columns.clone();
    }

    /** A source whose every column is read. */
    public Source(int index, int node, String name, RowType type) {
      this(index, node, name, type, null);
    }

    @Override
    public java.util.BitSet columns() {
      return columns == null ? null : (java.util.BitSet) columns.clone();
    }
  }

  private record Edge(int node, int port) {}

  private final List<Node> nodes;
  private final List<Source> sources;
  private final int output;
  private final List<List<Edge>> consumers = new ArrayList<>();
  private final Emitter[] emitters;
  /** Per node, the event time its output has reached ({@link Long#MIN_VALUE}: none yet). */
  /** Per node, the watermark of its output (sources: as advanced; operators: {@link Operator#outputWatermark}). */
  private final long[] watermarks;
  /** Per operator, the minimum watermark over its inputs as last delivered to it. */
  private final long[] inputWatermarks;
  private volatile long outputWatermark = Long.MIN_VALUE;
  private boolean opened;
  /** While restoring a checkpoint: output of {@link Operator#open} is discarded. */
  private boolean muted;
  /** Per node: its output is discarded (a parallel worker's copy of a node that runs on worker 0 only). */
  private final boolean[] silent;

  Circuit(List<Node> nodes, List<Source> sources, int output) {
    this(nodes, sources, output, new boolean[nodes.size()]);
  }

  Circuit(List<Node> nodes, List<Source> sources, int output, boolean[] silent) {
    this.silent = silent.clone();
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
    this.watermarks = new long[nodes.size()];
    this.inputWatermarks = new long[nodes.size()];
    for (Node n : nodes) {
      // An operator without inputs (VALUES) is constant: it never holds event time back.
      watermarks[n.id()] = n.op() != null && n.inputs().length == 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
      inputWatermarks[n.id()] = Long.MIN_VALUE;
    }
  }

  public List<Source> sources() {
    return sources;
  }

  List<Node> nodes() {
    return nodes;
  }

  int output() {
    return output;
  }

  public RowType outputType() {
    return nodes.get(output).type();
  }

  /** Opens every operator, consumers before producers; initial output flows to {@code sink}. */
  public void open(Emitter sink) {
    open(sink, LateRowSink.NONE);
  }

  /**
   * As {@link #open(Emitter)}; the rows operators drop as late also go to {@code late}, the
   * circuit's side output.
   */
  public void open(Emitter sink, LateRowSink late) {
    if (opened) {
      throw new IllegalStateException("circuit already open");
    }
    opened = true;
    for (Node n : nodes) {
      List<Edge> outs = consumers.get(n.id());
      boolean isOutput = n.id() == output;
      boolean quiet = silent[n.id()];
      emitters[n.id()] = batch -> {
        if (batch.size() == 0 || muted || quiet) {
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
    // Consumers first: an operator may emit while opening (VALUES, a global aggregate's initial
    // row), and everything downstream of it must be ready to receive.
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node n = nodes.get(i);
      if (n.op() != null) {
        n.op().routeLateRows(late);
        n.op().open(emitters[n.id()]);
      }
    }
  }

  /**
   * Opens the circuit in the state a checkpoint recorded ({@link #snapshot}): every operator is
   * opened with its output discarded (what an operator emits on open, e.g. a global aggregate's
   * initial row or VALUES, is already part of the recorded state downstream and of the sink's),
   * then each operator's state and the per-node watermarks are restored. Throws
   * {@link IllegalStateException} when the checkpoint belongs to a different circuit or is
   * corrupt; the circuit must then be discarded (it is half-restored).
   */
  public void open(Emitter sink, StateInput state) {
    open(sink, LateRowSink.NONE, state);
  }

  /** As {@link #open(Emitter, StateInput)}, with the circuit's side output for late rows. */
  public void open(Emitter sink, LateRowSink late, StateInput state) {
    muted = true;
    try {
      open(sink, late);
      restore(state);
    } finally {
      muted = false;
    }
  }

  /** Whether every operator can be checkpointed ({@link Checkpointable}). */
  public boolean checkpointable() {
    for (Node n : nodes) {
      if (n.op() != null && !(n.op() instanceof Checkpointable c && c.canCheckpoint())) {
        return false;
      }
    }
    return true;
  }

  /** Frees released state, up to {@code budget} entries per operator ({@link Operator#freeReleased}); returns whether some waits. */
  @Override
  public boolean freeReleased(int budget) {
    boolean waiting = false;
    for (Node n : nodes) {
      if (n.op() != null) {
        waiting |= n.op().freeReleased(budget);
      }
    }
    return waiting;
  }

  /**
   * Writes the state of every operator and the event time of every node, between batches on the
   * query's thread. Throws {@link UnsupportedOperationException} when some operator (or part of
   * one) cannot be checkpointed.
   *
   * <p>Format: node count, per node its watermark, the output watermark, then per operator node
   * its {@link Operator#describe()} text (checked on restore) and its state.
   */
  public void snapshot(StateOutput out) {
    if (!checkpointable()) {
      throw new UnsupportedOperationException("circuit has operators without checkpoint support: " + unsupported());
    }
    out.writeInt(nodes.size());
    for (long wm : watermarks) {
      out.writeLong(wm);
    }
    out.writeLong(outputWatermark);
    for (Node n : nodes) {
      if (n.op() != null) {
        out.writeString(n.op().describe());
        ((Checkpointable) n.op()).snapshot(out);
      }
    }
  }

  /** The operators that are not {@link Checkpointable}, for messages. */
  public List<String> unsupported() {
    List<String> names = new ArrayList<>();
    for (Node n : nodes) {
      if (n.op() != null && !(n.op() instanceof Checkpointable c && c.canCheckpoint())) {
        names.add(n.op().describe());
      }
    }
    return names;
  }

  private void restore(StateInput in) {
    if (!checkpointable()) {
      throw new IllegalStateException("circuit has operators without checkpoint support: " + unsupported());
    }
    int count = in.readInt();
    if (count != nodes.size()) {
      throw new IllegalStateException("checkpoint has " + count + " nodes, the circuit " + nodes.size());
    }
    for (int i = 0; i < count; i++) {
      watermarks[i] = in.readLong();
    }
    outputWatermark = in.readLong();
    for (Node n : nodes) {
      if (n.op() != null) {
        String recorded = in.readString();
        if (!recorded.equals(n.op().describe())) {
          throw new IllegalStateException("checkpoint of node " + n.id() + " is for " + recorded + ", not "
              + n.op().describe());
        }
        ((Checkpointable) n.op()).restore(in);
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

  /**
   * Advances the event time of source {@code sourceIndex} to {@code watermark} (ignored unless it
   * is later than the source's current one). Every operator whose inputs' minimum watermark rose
   * gets {@link Operator#onWatermark}, in topological order, so what an operator emits on the
   * advance reaches its consumers before they see the new watermark themselves. Sources never
   * advanced stay at {@link Long#MIN_VALUE} and hold back every operator downstream of them.
   */
  public void advanceWatermark(int sourceIndex, long watermark) {
    if (!opened) {
      throw new IllegalStateException("circuit not open");
    }
    int src = sources.get(sourceIndex).node();
    if (watermark <= watermarks[src]) {
      return;
    }
    watermarks[src] = watermark;
    for (int id = src + 1; id < nodes.size(); id++) {
      Node n = nodes.get(id);
      if (n.op() == null || n.inputs().length == 0) {
        continue;
      }
      long in = Long.MAX_VALUE;
      for (int i : n.inputs()) {
        in = Math.min(in, watermarks[i]);
      }
      if (in > inputWatermarks[id]) {
        inputWatermarks[id] = in;
        n.op().onWatermark(in);
        long out = n.op().outputWatermark(in);
        if (out > watermarks[id]) {
          watermarks[id] = out;
          if (id == output) {
            outputWatermark = out;
          }
        }
      }
    }
    if (src == output) {
      outputWatermark = watermark;
    }
  }

  /** The event time the output has reached; {@link Long#MIN_VALUE} before any. Any thread. */
  public long watermark() {
    return outputWatermark;
  }

  /** Rows dropped by all operators because their windows had closed. Any thread. */
  public long lateRows() {
    long n = 0;
    for (Node node : nodes) {
      if (node.op() != null) {
        n += node.op().lateRows();
      }
    }
    return n;
  }

  /** Rows skipped by all operators because an expression raised a runtime error. Any thread. */
  public long errors() {
    long n = 0;
    for (Node node : nodes) {
      RowErrors e = node.op() == null ? null : node.op().rowErrors();
      n += e == null ? 0 : e.count();
    }
    return n;
  }

  /** The most recent runtime expression error of any operator, or null. Any thread. */
  public RowErrors.Last lastError() {
    RowErrors.Last last = null;
    for (Node node : nodes) {
      RowErrors e = node.op() == null ? null : node.op().rowErrors();
      RowErrors.Last l = e == null ? null : e.last();
      if (l != null && (last == null || l.nanoTime() - last.nanoTime() > 0)) {
        last = l;
      }
    }
    return last;
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
    return explain(List.of(this), false);
  }

  /**
   * As {@link #explain()}, and each stateful operator also says how its state is bounded
   * ({@link Operator#stateBound()}) and its current size, even when empty.
   */
  public List<String> explainState() {
    return explain(List.of(this), true);
  }

  /**
   * The explanation of {@code copies}, circuits instantiated from one plan (a parallel query's
   * workers): the first copy's structure, with state sizes, late rows and errors summed per node
   * over all copies.
   */
  public static List<String> explain(List<Circuit> copies, boolean state) {
    List<String> lines = new ArrayList<>();
    copies.get(0).explain(copies, copies.get(0).output, 0, lines, state, new java.util.HashSet<>());
    return lines;
  }

  /**
   * A node read by several consumers (a source read by both sides of a self-join, a shared
   * arrangement) is shown once, labelled {@code #id}; later occurrences only refer to it.
   */
  private void explain(List<Circuit> copies, int id, int depth, List<String> lines, boolean state,
      java.util.Set<Integer> shown) {
    Node n = nodes.get(id);
    String label = consumers.get(id).size() > 1 ? "#" + id + " " : "";
    if (!label.isEmpty() && !shown.add(id)) {
      lines.add("  ".repeat(depth) + "#" + id + " (shared, shown above)");
      return;
    }
    String what;
    if (n.op() == null) {
      Source src = sources.stream().filter(s -> s.node() == id).findFirst().orElseThrow();
      what = "Source(" + src.name() + (src.columns() == null ? "" : ", reads " + columnNames(src)) + ")";
    } else {
      what = n.op().describe();
      StateSize s = StateSize.NONE;
      long late = 0;
      long errors = 0;
      for (Circuit c : copies) {
        Operator op = c.nodes.get(id).op();
        s = s.plus(op.stateSize());
        late += op.lateRows();
        errors += op.rowErrors() == null ? 0 : op.rowErrors().count();
      }
      String bound = n.op().stateBound();
      if (state && bound != null) {
        what += " [state: " + s.rows() + " rows, " + s.bytes() + " bytes; " + bound + "]";
      } else if (s.rows() > 0) {
        what += " [state: " + s.rows() + " rows, " + s.bytes() + " bytes]";
      }
      if (late > 0) {
        what += " [late rows: " + late + "]";
      }
      if (errors > 0) {
        what += " [errors: " + errors + "]";
      }
    }
    lines.add("  ".repeat(depth) + label + what);
    for (int in : n.inputs()) {
      explain(copies, in, depth + 1, lines, state, shown);
    }
  }

  private static String columnNames(Source s) {
    java.util.StringJoiner names = new java.util.StringJoiner(", ", "[", "]");
    s.columns().stream().forEach(c -> names.add(s.type().get(c).name()));
    return names.toString();
  }
}
