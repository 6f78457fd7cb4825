package io.eddy.planner.window;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.operator.HopCountOperator;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.window.SessionAggregateOperator;
import io.eddy.exec.window.SessionWindowOperator;
import io.eddy.exec.window.WindowAssignOperator;
import io.eddy.exec.window.WindowClose;
import io.eddy.exec.window.WindowSpec;
import io.eddy.planner.TypeMapping;
import io.eddy.planner.translate.CircuitPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates windows into executor operators: the window table functions
 * ({@code TABLE(TUMBLE|HOP|CUMULATE|SESSION(...))}, a {@link TableFunctionScan}) and Calcite's
 * grouped window functions ({@code GROUP BY TUMBLE(ts, size)}, which arrive as {@code $TUMBLE}
 * calls in the projection under the aggregate). Both become a window operator appending
 * {@code window_start, window_end}; a grouped function's call is then replaced by
 * {@code window_start}. Records in {@link ColumnFacts} which columns are window bounds, so
 * aggregates grouped by them close their groups by the watermark ({@link #closing}).
 * Not thread-safe; one per translation.
 */
public final class WindowTranslator {
  /** Adds a compiled Calc of {@code program} over node {@code input}; returns its node. */
  @FunctionalInterface
  public interface CalcFactory {
    int calc(RexProgram program, int input, RowType output);
  }

  /** A parsed window function: which family, on which column, with which intervals. */
  private record Window(String name, int timeColumn, int[] keys, WindowSpec spec, long gap) {
    long maxLength() {
      return spec == null ? -1 : spec.maxLength();
    }
  }

  private final CircuitPlan.Builder b;
  private final ColumnFacts facts;
  private final CalcFactory calcs;
  private final java.util.BitSet insertOnly;

  /** {@code insertOnly} is the translator's set of nodes proven never to retract; updated here. */
  public WindowTranslator(CircuitPlan.Builder b, ColumnFacts facts, CalcFactory calcs, java.util.BitSet insertOnly) {
    this.b = b;
    this.facts = facts;
    this.calcs = calcs;
    this.insertOnly = insertOnly;
  }

  /** {@code TABLE(TUMBLE(...))} and friends over the already translated {@code input}. */
  public int tableFunction(TableFunctionScan scan, int input) {
    return window(parse(scan), input, TypeMapping.toEddyRow(scan.getRowType()));
  }

  /** The window function {@code scan} calls. */
  private Window parse(TableFunctionScan scan) {
    if (!(scan.getCall() instanceof RexCall call)) {
      throw unsupported(scan.getCall().toString());
    }
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    // Calcite passes the data table as the scan's input; a leading table operand, if any, is skipped.
    List<RexNode> ops = call.getOperands();
    int base = 0;
    while (base < ops.size() && !isDescriptor(ops.get(base))) {
      base++;
    }
    ops = ops.subList(Math.min(base, ops.size()), ops.size());
    if (ops.size() < 2) {
      throw unsupported(call.toString());
    }
    try {
      return parse(name, ops);
    } catch (IllegalArgumentException e) {
      throw new EddyException(ErrorCode.VALIDATION, e.getMessage() + " (milliseconds)");
    }
  }

  /**
   * {@code GROUP BY [k...,] window_start and/or window_end} with COUNTs (not DISTINCT, no FILTER)
   * directly over {@code TABLE(HOP(...))} ({@link #paneFriendly}) on an event-time column,
   * emitting changes: one {@link HopCountOperator}, which counts each row once into its pane
   * instead of once into each of its windows, with the output, late rows and freeing of the
   * window operator and aggregate it replaces. Returns -1 when {@code agg} is not of that shape
   * (they are then planned as usual); {@code visit} translates a rel.
   */
  public int hopCount(org.apache.calcite.rel.core.Aggregate agg, List<AggCall> calls, RowType out,
      boolean emitOnClose, java.util.function.ToIntFunction<org.apache.calcite.rel.RelNode> visit) {
    if (emitOnClose || !(agg.getInput() instanceof TableFunctionScan scan) || scan.getInputs().size() != 1
        || !(scan.getCall() instanceof RexCall call)
        || !"HOP".equals(call.getOperator().getName().toUpperCase(Locale.ROOT))) {
      return -1;
    }
    for (AggCall c : calls) {
      if (c.kind() != io.eddy.exec.operator.agg.AggKind.COUNT || c.distinct() || c.filterArg() >= 0
          || c.outType().kind() != TypeKind.BIGINT) {
        return -1;
      }
    }
    int arity = scan.getInputs().get(0).getRowType().getFieldCount();
    int[] groupKeys = agg.getGroupSet().toArray(); // ascending: the window bounds come last
    boolean withStart = agg.getGroupSet().get(arity);
    boolean withEnd = agg.getGroupSet().get(arity + 1);
    Window w = parse(scan);
    int input = visit.applyAsInt(scan.getInputs().get(0));
    RowType in = b.typeOf(input);
    int time = w.timeColumn();
    if (!withStart && !withEnd || !paneFriendly(w.spec()) || in.type(time).kind() != TypeKind.TIMESTAMP
        || !facts.isEventTime(input, time)) {
      return -1;
    }
    int[] keys = java.util.Arrays.stream(groupKeys).filter(k -> k < arity).toArray();
    java.util.BitSet reads = new java.util.BitSet();
    reads.set(time);
    for (int k : keys) {
      reads.set(k);
    }
    for (AggCall c : calls) {
      if (c.arg() >= 0 && c.arg() < arity) {
        reads.set(c.arg());
      }
    }
    WindowSpec spec = w.spec();
    int node = b.addReading(ctx -> new HopCountOperator(in, time, spec, keys, withStart, withEnd, calls, out), out,
        input, demanded -> reads);
    for (int k = 0; k < groupKeys.length; k++) {
      ColumnFacts.WindowBound bound = groupKeys[k] == arity ? new ColumnFacts.WindowBound(spec.maxLength(), true)
          : groupKeys[k] == arity + 1 ? new ColumnFacts.WindowBound(0, true) : facts.bound(input, groupKeys[k]);
      if (bound != null && bound.eventTime()) {
        facts.bound(node, k, bound);
      }
    }
    return node;
  }

  private Window parse(String name, List<RexNode> ops) {
    return switch (name) {
      case "TUMBLE" -> new Window(name, descriptor(ops.get(0)), null,
          WindowSpec.tumble(interval(ops, 1), optional(ops, 2)), 0);
      case "HOP" -> new Window(name, descriptor(ops.get(0)), null,
          WindowSpec.hop(interval(ops, 1), interval(ops, 2), optional(ops, 3)), 0);
      case "CUMULATE" -> new Window(name, descriptor(ops.get(0)), null,
          WindowSpec.cumulate(interval(ops, 1), interval(ops, 2), optional(ops, 3)), 0);
      case "SESSION" -> isDescriptor(ops.get(1))
          ? new Window(name, descriptor(ops.get(0)), descriptors(ops.get(1)), null, interval(ops, 2))
          : new Window(name, descriptor(ops.get(0)), new int[0], null, interval(ops, ops.size() - 1));
      default -> throw unsupported(name);
    };
  }

  private int window(Window w, int input, RowType out) {
    RowType in = b.typeOf(input);
    if (in.type(w.timeColumn()).kind() != TypeKind.TIMESTAMP) {
      throw new EddyException(ErrorCode.VALIDATION, w.name() + " needs a TIMESTAMP time column, but "
          + in.get(w.timeColumn()).name() + " is " + in.type(w.timeColumn()));
    }
    boolean eventTime = facts.isEventTime(input, w.timeColumn());
    int arity = in.size();
    int node;
    if (w.spec() == null) {
      if (!insertOnly.get(input)) {
        throw new EddyException(ErrorCode.UNSUPPORTED,
            "SESSION windows over rows that can change (a table or an aggregate) are not supported yet");
      }
      long gap = w.gap();
      int[] keys = w.keys();
      int time = w.timeColumn();
      node = b.add(ctx -> new SessionWindowOperator(in, time, keys, gap, eventTime, out), out, input);
    } else {
      WindowSpec spec = w.spec();
      int time = w.timeColumn();
      // reads the time column, and passes the input's columns on: only those read downstream
      node = b.addReading(ctx -> new WindowAssignOperator(in, time, spec, eventTime, out), out, input, demanded -> {
        java.util.BitSet reads = demanded.get(0, arity);
        reads.set(time);
        return reads;
      });
      insertOnly.set(node, insertOnly.get(input));
      facts.bound(node, arity, new ColumnFacts.WindowBound(w.maxLength(), eventTime));
    }
    facts.prefix(input, node, arity);
    facts.bound(node, arity + 1, new ColumnFacts.WindowBound(0, eventTime));
    return node;
  }

  /**
   * Whether panes pay for a HOP: one {@link HopCountOperator#fits} and whose slide is at most four
   * panes (so a key's ring holds at most about four panes per window of its row).
   */
  private static boolean paneFriendly(WindowSpec spec) {
    return HopCountOperator.fits(spec) && spec.slide() / spec.pane() <= 4;
  }

  /** Whether {@code agg} groups by a {@code SESSION(ts, gap)} its input Calc computes. */
  public static boolean isSessionGroup(org.apache.calcite.rel.core.Aggregate agg) {
    if (!(agg.getInput() instanceof Calc calc)) {
      return false;
    }
    RexProgram program = calc.getProgram();
    List<org.apache.calcite.rex.RexLocalRef> projects = program.getProjectList();
    for (int k : agg.getGroupSet()) {
      if (program.expandLocalRef(projects.get(k)) instanceof RexCall c && c.getKind() == SqlKind.SESSION) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code program} calls a grouped window function ({@code $TUMBLE}, {@code $HOP}, {@code $SESSION}). */
  public static boolean hasGroupedWindow(RexProgram program) {
    for (RexNode e : program.getExprList()) {
      if (e instanceof RexCall c && grouped(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean grouped(RexCall c) {
    SqlKind k = c.getKind();
    return k == SqlKind.TUMBLE || k == SqlKind.HOP || k == SqlKind.SESSION;
  }

  /**
   * A Calc whose projection computes a grouped window function: a window operator over the
   * input, then the Calc with the call replaced by the window's start.
   */
  public int groupedCalc(Calc calc, int input) {
    RexProgram program = calc.getProgram();
    List<RexNode> projects = new ArrayList<>();
    for (var ref : program.getProjectList()) {
      projects.add(program.expandLocalRef(ref));
    }
    RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
    RexCall[] found = {null};
    RexShuttle finder = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall c) {
        if (grouped(c)) {
          if (found[0] != null && !found[0].equals(c)) {
            throw new EddyException(ErrorCode.UNSUPPORTED, "a query may group by one window function only");
          }
          found[0] = c;
          return c;
        }
        return super.visitCall(c);
      }
    };
    projects.forEach(p -> p.accept(finder));
    RexCall call = found[0];
    List<RexNode> ops = call.getOperands();
    if (!(ops.get(0) instanceof RexInputRef ts)) {
      throw new EddyException(ErrorCode.UNSUPPORTED, call.getOperator().getName()
          + " must be applied to a column, not to an expression");
    }
    Window w = switch (call.getKind()) {
      case TUMBLE -> new Window("TUMBLE", ts.getIndex(), null, WindowSpec.tumble(interval(ops, 1), optional(ops, 2)), 0);
      case HOP -> new Window("HOP", ts.getIndex(), null,
          WindowSpec.hop(interval(ops, 1), interval(ops, 2), optional(ops, 3)), 0);
      default -> new Window("SESSION", ts.getIndex(), new int[0], null, interval(ops, 1));
    };
    RexBuilder rex = calc.getCluster().getRexBuilder();
    RelDataType inRel = calc.getInput().getRowType();
    RelDataType tsType = inRel.getFieldList().get(ts.getIndex()).getType();
    RelDataType windowed = rex.getTypeFactory().builder().addAll(inRel.getFieldList())
        .add("window_start", tsType).add("window_end", tsType).build();
    int startIndex = inRel.getFieldCount();
    int node = window(w, input, TypeMapping.toEddyRow(windowed));
    RexShuttle replace = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall c) {
        return c.equals(call) ? new RexInputRef(startIndex, c.getType()) : super.visitCall(c);
      }
    };
    List<RexNode> rewritten = new ArrayList<>();
    projects.forEach(p -> rewritten.add(p.accept(replace)));
    RexProgram next = RexProgram.create(windowed, rewritten, condition == null ? null : condition.accept(replace),
        calc.getRowType(), rex);
    int out = calcs.calc(next, node, TypeMapping.toEddyRow(calc.getRowType()));
    facts.throughCalc(node, out, next);
    insertOnly.set(out, insertOnly.get(node));
    return out;
  }

  /**
   * {@code GROUP BY k..., SESSION(ts, gap)}: Calcite puts the {@code $SESSION} call in the Calc
   * under the aggregate. Sessions are per value of the other group keys (as in Flink), and the
   * window and the aggregate become one {@link SessionAggregateOperator} over a Calc that computes
   * the same columns with the call replaced by its time column. Returns -1 unless {@code agg}'s
   * input is such a Calc. {@code calls} are the aggregate's calls (arguments index the Calc's
   * output); {@code input} is the translated input of the Calc.
   */
  public int sessionAggregate(org.apache.calcite.rel.core.Aggregate agg, List<AggCall> calls, RowType out,
      boolean emitOnClose, int input) {
    if (!isSessionGroup(agg)) {
      return -1;
    }
    Calc calc = (Calc) agg.getInput();
    RexProgram program = calc.getProgram();
    List<RexNode> projects = new ArrayList<>();
    for (var ref : program.getProjectList()) {
      projects.add(program.expandLocalRef(ref));
    }
    int sessionColumn = -1;
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i) instanceof RexCall c && c.getKind() == SqlKind.SESSION) {
        if (sessionColumn >= 0 && !c.equals(projects.get(sessionColumn))) {
          throw new EddyException(ErrorCode.UNSUPPORTED, "a query may group by one window function only");
        }
        sessionColumn = sessionColumn >= 0 ? sessionColumn : i;
      }
    }
    int[] keys = agg.getGroupSet().toArray();
    if (sessionColumn < 0 || !agg.getGroupSet().get(sessionColumn)) {
      return -1;
    }
    RexCall call = (RexCall) projects.get(sessionColumn);
    List<RexNode> ops = call.getOperands();
    if (!(ops.get(0) instanceof RexInputRef ts)) {
      throw new EddyException(ErrorCode.UNSUPPORTED, "SESSION must be applied to a column, not to an expression");
    }
    if (!insertOnly.get(input)) {
      throw new EddyException(ErrorCode.UNSUPPORTED,
          "SESSION windows over rows that can change (a table or an aggregate) are not supported yet");
    }
    long gap = interval(ops, 1);
    // The Calc with every SESSION call replaced by its time column.
    RexShuttle replace = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall c) {
        return c.getKind() == SqlKind.SESSION ? c.getOperands().get(0) : super.visitCall(c);
      }
    };
    List<RexNode> rewritten = new ArrayList<>();
    projects.forEach(p -> rewritten.add(p.accept(replace)));
    RexNode condition = program.getCondition() == null ? null
        : program.expandLocalRef(program.getCondition()).accept(replace);
    RexBuilder rex = calc.getCluster().getRexBuilder();
    RelDataType inRel = calc.getInput().getRowType();
    var fields = rex.getTypeFactory().builder();
    for (int i = 0; i < rewritten.size(); i++) {
      fields.add(calc.getRowType().getFieldList().get(i).getName(), rewritten.get(i).getType());
    }
    RelDataType projected = fields.uniquify().build();
    RexProgram next = RexProgram.create(inRel, rewritten, condition, projected, rex);
    RowType calcType = TypeMapping.toEddyRow(projected);
    int node = calcs.calc(next, input, calcType);
    facts.throughCalc(input, node, next);
    insertOnly.set(node, insertOnly.get(input));
    if (calcType.type(sessionColumn).kind() != TypeKind.TIMESTAMP) {
      throw new EddyException(ErrorCode.VALIDATION, "SESSION needs a TIMESTAMP time column, but "
          + inRel.getFieldList().get(ts.getIndex()).getName() + " is " + calcType.type(sessionColumn));
    }
    boolean eventTime = facts.isEventTime(node, sessionColumn);
    int[] outKeys = new int[keys.length];
    List<Integer> partition = new ArrayList<>();
    for (int k = 0; k < keys.length; k++) {
      boolean isSession = projects.get(keys[k]) instanceof RexCall c && c.getKind() == SqlKind.SESSION;
      outKeys[k] = isSession ? SessionAggregateOperator.WINDOW_START : keys[k];
      if (!isSession) {
        partition.add(keys[k]);
      }
    }
    int[] partitionKeys = partition.stream().mapToInt(Integer::intValue).toArray();
    int time = sessionColumn;
    boolean onClose = emitOnClose && eventTime;
    int result = b.add(ctx -> new SessionAggregateOperator(calcType, time, partitionKeys, gap, eventTime, outKeys,
        calls, out, onClose), out, node);
    insertOnly.set(result, onClose);
    return result;
  }

  /**
   * How an aggregate over {@code input} grouped by {@code keys} closes its groups: by the first
   * key that is an event-time window end (else start), or null when none is.
   */
  public WindowClose closing(int input, int[] keys, boolean emitOnClose) {
    WindowClose best = null;
    for (int k = 0; k < keys.length; k++) {
      ColumnFacts.WindowBound bound = facts.bound(input, keys[k]);
      if (bound != null && bound.eventTime() && (best == null || bound.addend() < best.addend())) {
        best = new WindowClose(k, bound.addend(), emitOnClose);
      }
    }
    return best;
  }

  private static boolean isDescriptor(RexNode n) {
    return n instanceof RexCall c && c.getKind() == SqlKind.DESCRIPTOR;
  }

  private static int descriptor(RexNode n) {
    int[] cols = descriptors(n);
    if (cols.length != 1) {
      throw new EddyException(ErrorCode.VALIDATION, "the time column DESCRIPTOR must name one column");
    }
    return cols[0];
  }

  private static int[] descriptors(RexNode n) {
    if (!isDescriptor(n)) {
      throw unsupported(n.toString());
    }
    List<RexNode> ops = ((RexCall) n).getOperands();
    int[] cols = new int[ops.size()];
    for (int i = 0; i < cols.length; i++) {
      if (!(ops.get(i) instanceof RexInputRef ref)) {
        throw unsupported(n.toString());
      }
      cols[i] = ref.getIndex();
    }
    return cols;
  }

  private static long interval(List<RexNode> ops, int i) {
    RexNode n = ops.get(i);
    if (n instanceof RexLiteral l && l.getTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME) {
      Long v = l.getValueAs(Long.class);
      if (v != null && v > 0) {
        return v;
      }
      throw new EddyException(ErrorCode.VALIDATION, "window intervals must be positive, not " + l);
    }
    throw new EddyException(ErrorCode.UNSUPPORTED, "window sizes must be constant day-time intervals "
        + "(INTERVAL '10' SECOND), not " + n);
  }

  private static long optional(List<RexNode> ops, int i) {
    if (i >= ops.size() || ops.get(i) instanceof RexCall c && c.getKind() == SqlKind.DEFAULT) {
      return 0;
    }
    RexNode n = ops.get(i);
    if (n instanceof RexLiteral l && l.getTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME) {
      return l.getValueAs(Long.class);
    }
    throw new EddyException(ErrorCode.UNSUPPORTED, "window offsets must be constant day-time intervals, not " + n);
  }

  private static EddyException unsupported(String what) {
    return new EddyException(ErrorCode.UNSUPPORTED, "table function " + what + " is not supported; "
        + "windows are TUMBLE, HOP, CUMULATE and SESSION");
  }
}
