package io.eddy.planner.translate;

import io.eddy.common.type.RowType;
import io.eddy.exec.circuit.Circuit;
import io.eddy.exec.circuit.CircuitBuilder;
import io.eddy.exec.circuit.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.DataContext;

/**
 * A recipe for a circuit: what the planner produced, with expressions already compiled. Each
 * {@link #instantiate} makes a fresh circuit with its own operator state, bound to the given
 * parameters. Immutable once built.
 */
public final class CircuitPlan {
  private sealed interface Spec permits SourceSpec, OperatorSpec {}

  private record SourceSpec(String name, RowType type) implements Spec {}

  /** {@code elidable}: a pass-through node that is dropped when fewer than two edges read it. */
  private record OperatorSpec(Function<DataContext, Operator> factory, RowType type, int[] inputs, boolean elidable)
      implements Spec {}

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
        b.source(src.name(), src.type());
      } else {
        OperatorSpec op = (OperatorSpec) s;
        b.add(op.factory().apply(context), op.type(), op.inputs());
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
      specs.add(new SourceSpec(name, type));
      return specs.size() - 1;
    }

    public int add(Function<DataContext, Operator> factory, RowType type, int... inputs) {
      specs.add(new OperatorSpec(factory, type, inputs.clone(), false));
      return specs.size() - 1;
    }

    /**
     * Adds a node that passes its one input's batches on unchanged while holding state its readers
     * share (an arrangement). {@link #build} drops it, connecting its reader straight to
     * {@code input}, unless at least two input ports read it.
     */
    public int addShared(Function<DataContext, Operator> factory, int input) {
      specs.add(new OperatorSpec(factory, typeOf(input), new int[] {input}, true));
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
          kept.add(new OperatorSpec(op.factory(), op.type(), inputs, false));
        } else {
          kept.add(specs.get(i));
        }
        id[i] = kept.size() - 1;
      }
      return new CircuitPlan(kept, id[output], insertOnly);
    }
  }
}
