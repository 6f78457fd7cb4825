package io.eddy.planner.translate;

import io.eddy.common.type.RowType;
import io.eddy.exec.circuit.Circuit;
import io.eddy.exec.circuit.CircuitBuilder;
import io.eddy.exec.circuit.Operator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.calcite.DataContext;

/**
 * A recipe for a circuit: what the planner produced, with expressions already compiled. Each
 * {@link #instantiate} makes a fresh circuit with its own operator state, bound to the given
 * parameters. Immutable once built.
 */
public final class CircuitPlan {
  private sealed interface Spec permits SourceSpec, OperatorSpec {}

  /** {@code columns}: the columns the source's consumers read (null: all). */
  private record SourceSpec(String name, RowType type, BitSet columns) implements Spec {}

  /**
   * {@code elidable}: a pass-through node that is dropped when fewer than two edges read it.
   * {@code reads}: given the columns of its output that are read, the columns of each input it
   * reads (null: all of every input, or unknown).
   */
  private record OperatorSpec(Function<DataContext, Operator> factory, RowType type, int[] inputs, boolean elidable,
      Reads reads, BitSet outputRead) implements Spec {}

  /** What an operator reads of each of its inputs, given what its consumers read of its output. */
  @FunctionalInterface
  public interface Reads {
    /** One set of columns per input port; {@code output} may be changed by the callee. */
    BitSet[] of(BitSet output);
  }

  private final List<Spec> specs;
  private final int output;
  private final boolean insertOnly;

  private CircuitPlan(List<Spec> specs, int output, boolean insertOnly) {
    this.specs = List.copyOf(specs);
    this.output = output;
    this.insertOnly = insertOnly;
  }

  /** True when the planner proved the output never retracts (every change inserts rows). */
  public boolean insertOnly() {
    return insertOnly;
  }

  public Circuit instantiate(DataContext context) {
    CircuitBuilder b = new CircuitBuilder();
    for (Spec s : specs) {
      if (s instanceof SourceSpec src) {
        b.source(src.name(), src.type(), src.columns());
      } else {
        OperatorSpec op = (OperatorSpec) s;
        Operator operator = op.factory().apply(context);
        if (op.outputRead() != null) {
          operator.readOnly((BitSet) op.outputRead().clone());
        }
        b.add(operator, op.type(), op.inputs());
      }
    }
    return b.build(output);
  }

  /** Names of the sources, in source order (a name repeats when an object is read twice). */
  public List<String> sourceNames() {
    List<String> names = new ArrayList<>();
    for (Spec s : specs) {
      if (s instanceof SourceSpec src) {
        names.add(src.name());
      }
    }
    return names;
  }

  /** Builds a plan node by node; inputs must exist before their consumers. */
  public static final class Builder {
    private final List<Spec> specs = new ArrayList<>();

    public int source(String name, RowType type) {
      specs.add(new SourceSpec(name, type, null));
      return specs.size() - 1;
    }

    public int add(Function<DataContext, Operator> factory, RowType type, int... inputs) {
      specs.add(new OperatorSpec(factory, type, inputs.clone(), false, null, null));
      return specs.size() - 1;
    }

    /**
     * Adds an operator with one input of which it reads only some columns: {@code reads} tells
     * which, given the columns of the operator's output that its consumers read. A source whose
     * consumers all say so is told to leave the other columns unread ({@link Circuit.Source#columns}).
     */
    public int addReading(Function<DataContext, Operator> factory, RowType type, int input,
        UnaryOperator<BitSet> reads) {
      return addReading(factory, type, out -> new BitSet[] {reads.apply(out)}, input);
    }

    /** Like {@link #addReading(Function, RowType, int, UnaryOperator)}, for an operator of several inputs. */
    public int addReading(Function<DataContext, Operator> factory, RowType type, Reads reads, int... inputs) {
      specs.add(new OperatorSpec(factory, type, inputs.clone(), false, reads, null));
      return specs.size() - 1;
    }

    /**
     * Adds a node that passes its one input's batches on unchanged while holding state its readers
     * share (an arrangement). {@link #build} drops it, connecting its reader straight to
     * {@code input}, unless at least two input ports read it.
     */
    public int addShared(Function<DataContext, Operator> factory, int input, BitSet reads) {
      Reads r = out -> {
        out.or(reads);
        return new BitSet[] {out};
      };
      specs.add(new OperatorSpec(factory, typeOf(input), new int[] {input}, true, r, null));
      return specs.size() - 1;
    }

    public RowType typeOf(int node) {
      Spec s = specs.get(node);
      return s instanceof SourceSpec src ? src.type() : ((OperatorSpec) s).type();
    }

    public CircuitPlan build(int output) {
      return build(output, false);
    }

    /** {@code insertOnly}: the output is proven never to retract. */
    public CircuitPlan build(int output, boolean insertOnly) {
      int[] readers = new int[specs.size()];
      for (Spec s : specs) {
        if (s instanceof OperatorSpec op) {
          for (int in : op.inputs()) {
            readers[in]++;
          }
        }
      }
      BitSet[] read = columnsRead(output);
      int[] id = new int[specs.size()];
      List<Spec> kept = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        if (specs.get(i) instanceof OperatorSpec op) {
          if (op.elidable() && readers[i] < 2) {
            id[i] = id[op.inputs()[0]];
            continue;
          }
          int[] inputs = new int[op.inputs().length];
          for (int p = 0; p < inputs.length; p++) {
            inputs[p] = id[op.inputs()[p]];
          }
          kept.add(new OperatorSpec(op.factory(), op.type(), inputs, false, op.reads(), read[i]));
        } else {
          SourceSpec src = (SourceSpec) specs.get(i);
          kept.add(new SourceSpec(src.name(), src.type(), read[i]));
        }
        id[i] = kept.size() - 1;
      }
      return new CircuitPlan(kept, id[output], insertOnly);
    }

    /**
     * Per node, the columns of its output that some consumer reads, or null for all of them: the
     * output node's are all; every other node's are the union of what its consumers read of it,
     * walking from the output back (inputs come before their consumers). A consumer that does not
     * say what it reads ({@link #addReading}) reads all.
     */
    private BitSet[] columnsRead(int output) {
      int n = specs.size();
      BitSet[] read = new BitSet[n];
      boolean[] all = new boolean[n];
      all[output] = true;
      for (int i = n - 1; i >= 0; i--) {
        if (!(specs.get(i) instanceof OperatorSpec op)) {
          continue;
        }
        BitSet mine = all[i] ? full(i) : read[i] == null ? new BitSet() : read[i];
        BitSet[] reads = op.reads() == null ? null : op.reads().of((BitSet) mine.clone());
        for (int p = 0; p < op.inputs().length; p++) {
          int in = op.inputs()[p];
          if (reads == null) {
            all[in] = true;
          } else if (!all[in]) {
            read[in] = read[in] == null ? new BitSet() : read[in];
            read[in].or(reads[p]);
          }
        }
      }
      for (int i = 0; i < n; i++) {
        if (all[i] || read[i] == null || read[i].cardinality() == typeOf(i).size()) {
          read[i] = null;
        }
      }
      return read;
    }

    private BitSet full(int node) {
      BitSet b = new BitSet();
      b.set(0, typeOf(node).size());
      return b;
    }
  }
}
