package io.eddy.planner.translate;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.RowType;
import io.eddy.exec.operator.AggregateOperator;
import io.eddy.exec.operator.CalcOperator;
import io.eddy.exec.operator.SetOpOperator;
import io.eddy.exec.operator.UnionOperator;
import io.eddy.exec.operator.UpsertOperator;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggKind;
import io.eddy.planner.PlanMode;
import io.eddy.planner.QueryPlanner;
import io.eddy.planner.TypeMapping;
import io.eddy.planner.catalog.Catalog;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.catalog.TableDef;
import io.eddy.planner.catalog.ViewDef;
import io.eddy.planner.codegen.CalcCompiler;
import io.eddy.planner.codegen.ExpressionText;
import io.eddy.planner.schema.EddyTable;
import io.eddy.planner.window.ColumnFacts;
import io.eddy.planner.window.WindowTranslator;
import io.eddy.exec.window.WindowClose;
import io.eddy.sql.ast.EmitPolicy;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlExplainLevel;

/**
 * Translates an optimized relational plan into a {@link CircuitPlan}: table scans become sources
 * (tables through an upsert operator in standing mode; views expanded into their own plans in
 * standing mode), Calc nodes become compiled {@link CalcOperator}s, and so on. Anything the
 * executor cannot run yet is an UNSUPPORTED error naming the construct.
 */
public final class CircuitTranslator {
  private final Catalog catalog;
  private final PlanMode mode;
  private final CalcCompiler compiler;
  private final QueryPlanner planner;
  private final CircuitPlan.Builder b = new CircuitPlan.Builder();
  /** Nodes whose output is proven never to retract (every weight positive). */
  private final java.util.BitSet insertOnly = new java.util.BitSet();
  private final JoinTranslator joins;
  private final TopNTranslator topN;
  private final OverTranslator over;
  private final TemporalJoinTranslator temporal;
  private final ColumnFacts facts = new ColumnFacts();
  private final WindowTranslator windows = new WindowTranslator(b, facts, this::compiledCalc, insertOnly);
  /** Common sub-expressions: the node of each subtree translated so far, by its full digest. */
  private final java.util.Map<String, Integer> shared = new java.util.HashMap<>();
  /** Whether the query (or view being expanded) emits windows only when they close. */
  private boolean emitOnClose;
  private int closingAggregates;

  public CircuitTranslator(Catalog catalog, PlanMode mode, CalcCompiler compiler, QueryPlanner planner) {
    this(catalog, mode, compiler, planner, EmitPolicy.CHANGES);
  }

  /**
   * As the four-argument constructor, for a view with emit policy {@code emit}: with EMIT ON
   * WINDOW CLOSE, windowed aggregates emit a window's row once, when the watermark closes it.
   */
  public CircuitTranslator(Catalog catalog, PlanMode mode, CalcCompiler compiler, QueryPlanner planner,
      EmitPolicy emit) {
    this.catalog = catalog;
    this.mode = mode;
    this.compiler = compiler;
    this.planner = planner;
    this.joins = new JoinTranslator(b, compiler, insertOnly, facts, this::visit);
    this.topN = new TopNTranslator(b, this::visit);
    this.over = new OverTranslator(b, this::visit, insertOnly, facts);
    this.temporal = new TemporalJoinTranslator(b, insertOnly, facts, this::visit, mode == PlanMode.STANDING);
    this.emitOnClose = emit == EmitPolicy.ON_WINDOW_CLOSE;
  }

  public CircuitPlan translate(RelNode rel) {
    boolean onClose = emitOnClose;
    int out = visit(CheckedArithmetic.apply(rel));
    if (onClose && closingAggregates == 0) {
      throw new EddyException(ErrorCode.UNSUPPORTED, "EMIT ON WINDOW CLOSE needs an aggregate grouped by the "
          + "window_end (or window_start) of a window on a stream's WATERMARK column");
    }
    return b.build(out, insertOnly.get(out));
  }

  /**
   * Translates {@code rel}, reusing the node of an identical subtree translated before
   * ({@link #shared}): a stream read twice (self-join), a view expanded twice or a decorrelated
   * sub-query over the same input become one node, so one source reader feeds them and joins that
   * index it on the same keys can share one arrangement.
   */
  private int visit(RelNode rel) {
    String key = (emitOnClose ? "close:" : "changes:") + RelOptUtil.toString(rel, SqlExplainLevel.DIGEST_ATTRIBUTES)
        + rel.getRowType().getFullTypeString();
    Integer known = shared.get(key);
    if (known != null) {
      return known;
    }
    int node = translateNew(rel);
    shared.put(key, node);
    return node;
  }

  private int translateNew(RelNode rel) {
    if (rel instanceof TableScan scan) {
      return scan(scan);
    } else if (rel instanceof Calc calc) {
      return calc(calc);
    } else if (rel instanceof Aggregate agg) {
      return aggregate(agg);
    } else if (rel instanceof Join join) {
      return joins.join(join);
    } else if (rel instanceof Correlate correlate) {
      return temporal.correlate(correlate);
    } else if (rel instanceof Union union) {
      return union(union);
    } else if (rel instanceof Intersect || rel instanceof Minus) {
      return setOp((SetOp) rel);
    } else if (rel instanceof Values values) {
      return values(values);
    } else if (rel instanceof TableFunctionScan tfs && tfs.getInputs().size() == 1) {
      return windows.tableFunction(tfs, visit(tfs.getInputs().get(0)));
    } else if (rel instanceof Sort sort) {
      return sort.fetch == null && sort.offset == null ? visit(sort.getInput()) : topN.sort(sort);
    } else if (rel instanceof Window window) {
      return TopNTranslator.isRanking(window) ? topN.window(window, Long.MAX_VALUE) : over.window(window);
    }
    throw new EddyException(ErrorCode.UNSUPPORTED, "this query needs " + rel.getRelTypeName()
        .replace("Logical", "") + ", which standing queries do not support yet");
  }

  private RowType typeOf(RelNode rel) {
    return TypeMapping.toEddyRow(rel.getRowType());
  }

  private int scan(TableScan scan) {
    EddyTable table = scan.getTable().unwrap(EddyTable.class);
    CatalogObject obj = table.object();
    if (mode == PlanMode.STANDING && obj instanceof ViewDef view) {
      boolean outer = emitOnClose;
      emitOnClose = view.emit() == EmitPolicy.ON_WINDOW_CLOSE;
      try {
        return visit(CheckedArithmetic.apply(planner.viewRel(view)));
      } finally {
        emitOnClose = outer;
      }
    }
    int src = b.source(obj.key(), obj.rowType());
    insertOnly.set(src);
    if (obj instanceof StreamDef s && s.watermarkColumn() >= 0) {
      facts.eventTime(src, s.watermarkColumn());
    }
    if (mode == PlanMode.STANDING && obj instanceof TableDef t) {
      RowType type = obj.rowType();
      int[] pk = t.primaryKey();
      return b.add(ctx -> new UpsertOperator(type, pk), type, src);
    }
    return src;
  }

  private int calc(Calc calc) {
    int input = calc.getInput() instanceof Window w && TopNTranslator.isRanking(w)
        ? topN.window(w, TopNTranslator.limitAbove(calc, w)) : visit(calc.getInput());
    if (WindowTranslator.hasGroupedWindow(calc.getProgram())) {
      return windows.groupedCalc(calc, input);
    }
    int node = compiledCalc(calc.getProgram(), input, typeOf(calc));
    facts.throughCalc(input, node, calc.getProgram());
    return node;
  }

  /** The input columns {@code program}'s condition and projections read. */
  private static java.util.BitSet inputsRead(RexProgram program) {
    RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
    return RelOptUtil.InputFinder.bits(program.expandList(program.getProjectList()), condition).toBitSet();
  }

  private int compiledCalc(RexProgram program, int input, RowType out) {
    CalcCompiler.Compiled compiled = compiler.compile(program, b.typeOf(input), out);
    String desc = program.toString();
    String text = ExpressionText.of(program);
    java.util.BitSet reads = inputsRead(program);
    int node = b.addReading(ctx -> new CalcOperator(compiled.instantiate(ctx), desc, text), out, input,
        demanded -> reads);
    insertOnly.set(node, insertOnly.get(input));
    return node;
  }

  private int aggregate(Aggregate agg) {
    if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
      throw new EddyException(ErrorCode.UNSUPPORTED, "GROUPING SETS, ROLLUP and CUBE are not supported yet");
    }
    RelNode withoutLiterals = LiteralAggs.split(agg);
    if (withoutLiterals != null) {
      return visit(withoutLiterals);
    }
    RowType out = typeOf(agg);
    int[] keys = agg.getGroupSet().toArray();
    List<AggCall> calls = new ArrayList<>();
    int i = keys.length;
    for (AggregateCall call : agg.getAggCallList()) {
      calls.add(new AggCall(kind(call), call.getArgList().isEmpty() ? -1 : call.getArgList().get(0),
          call.isDistinct(), call.filterArg, out.type(i++)));
    }
    if (WindowTranslator.isSessionGroup(agg)) {
      int fused = windows.sessionAggregate(agg, calls, out, emitOnClose, visit(agg.getInput().getInput(0)));
      if (emitOnClose && insertOnly.get(fused)) {
        closingAggregates++;
      }
      return fused;
    }
    int counted = windows.hopCount(agg, calls, out, emitOnClose, this::visit);
    if (counted >= 0) {
      return counted;
    }
    int input = visit(agg.getInput());
    RowType in = b.typeOf(input);
    boolean appendOnlyInput = insertOnly.get(input);
    WindowClose closing = windows.closing(input, keys, emitOnClose);
    java.util.BitSet reads = agg.getGroupSet().toBitSet();
    for (AggregateCall call : agg.getAggCallList()) {
      call.getArgList().forEach(reads::set);
      if (call.filterArg >= 0) {
        reads.set(call.filterArg);
      }
    }
    int node = b.addReading(ctx -> new AggregateOperator(in, keys, calls, out, appendOnlyInput, closing), out, input,
        demanded -> reads);
    facts.throughGroupKeys(input, node, keys);
    if (closing != null && emitOnClose) {
      closingAggregates++;
      insertOnly.set(node);
    }
    return node;
  }

  private static AggKind kind(AggregateCall call) {
    if (call.getArgList().size() > 1) {
      throw new EddyException(ErrorCode.UNSUPPORTED, call.getAggregation().getName()
          + " with several arguments is not supported yet");
    }
    return switch (call.getAggregation().getKind()) {
      case COUNT -> AggKind.COUNT;
      case SUM -> AggKind.SUM;
      case SUM0 -> AggKind.SUM0;
      case MIN -> AggKind.MIN;
      case MAX -> AggKind.MAX;
      case ANY_VALUE, SINGLE_VALUE -> AggKind.ANY_VALUE;
      default -> switch (call.getAggregation().getName().toUpperCase(java.util.Locale.ROOT)) {
        case "BOOL_AND", "EVERY" -> AggKind.BOOL_AND;
        case "BOOL_OR", "SOME" -> AggKind.BOOL_OR;
        default -> throw new EddyException(ErrorCode.UNSUPPORTED,
            "aggregate function " + call.getAggregation().getName() + " is not supported yet");
      };
    };
  }

  private int union(Union union) {
    RowType out = typeOf(union);
    int[] inputs = new int[union.getInputs().size()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = visit(union.getInputs().get(i));
    }
    int n = inputs.length;
    int all = b.add(ctx -> new UnionOperator(out, n), out, inputs);
    boolean allInsertOnly = true;
    for (int in : inputs) {
      allInsertOnly &= insertOnly.get(in);
    }
    insertOnly.set(all, allInsertOnly);
    if (union.all) {
      return all;
    }
    int[] keys = new int[out.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = i;
    }
    return b.add(ctx -> new AggregateOperator(out, keys, List.of(), out), out, all);
  }

  /** INTERSECT / EXCEPT [ALL]: one {@link SetOpOperator} fed by every input. */
  private int setOp(SetOp op) {
    RowType out = typeOf(op);
    int[] inputs = new int[op.getInputs().size()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = visit(op.getInputs().get(i));
    }
    SetOpOperator.Kind kind = op instanceof Intersect ? SetOpOperator.Kind.INTERSECT : SetOpOperator.Kind.EXCEPT;
    boolean all = op.all;
    int n = inputs.length;
    return b.add(ctx -> new SetOpOperator(out, kind, all, n), out, inputs);
  }

  private int values(Values values) {
    RowType out = typeOf(values);
    List<Object[]> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      Object[] row = new Object[tuple.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = LiteralValues.of(tuple.get(c), out.type(c).kind());
      }
      rows.add(row);
    }
    int node = b.add(ctx -> new ValuesOperator(out, rows), out);
    insertOnly.set(node);
    return node;
  }
}
