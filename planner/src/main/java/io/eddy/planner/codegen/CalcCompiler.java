package io.eddy.planner.codegen;

import io.eddy.common.error.EddyException;
import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.operator.BatchCalc;
import io.eddy.exec.operator.ColumnProjection;
import java.lang.reflect.Constructor;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.validate.SqlConformance;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles a {@link RexProgram} (condition + projections) into a {@link BatchCalc} that loops over
 * a whole columnar batch. Expressions are translated by Calcite's {@link RexToLixTranslator}
 * (so every SQL function has Calcite's semantics) and compiled once with Janino; nothing is
 * interpreted per row. Each generated class is loaded by its own class loader.
 *
 * <p>A row whose expressions throw (division by zero, bad cast) is dropped and counted as a
 * runtime error; the query keeps running.
 */
public final class CalcCompiler {
  private static final String CLASS_NAME = "io.eddy.gen.GeneratedCalc";

  private final JavaTypeFactory typeFactory;
  private final SqlConformance conformance;
  private final CompiledCache cache;
  private final RexBuilder rexBuilder;

  /** A compiler whose programs are shared through {@code cache} (one per engine). */
  public CalcCompiler(JavaTypeFactory typeFactory, SqlConformance conformance, CompiledCache cache) {
    this.typeFactory = typeFactory;
    this.conformance = conformance;
    this.cache = cache;
    this.rexBuilder = new RexBuilder(typeFactory);
  }

  /** A compiled program; {@link #instantiate} makes a fresh, independent operator instance. */
  public static final class Compiled {
    private final Constructor<?> ctor;
    private final RowType outputType;
    private final String source;
    private final int[] projection;
    /** Per output column, whether the generated code builds it (the others it shares with the input); null: all. */
    private final boolean[] built;

    Compiled(Constructor<?> ctor, RowType outputType, String source, boolean[] built) {
      this.ctor = ctor;
      this.outputType = outputType;
      this.source = source;
      this.projection = null;
      this.built = built;
    }

    /** A program that only selects input columns: no code, the batch's columns are shared. */
    Compiled(RowType outputType, int[] projection) {
      this.ctor = null;
      this.outputType = outputType;
      this.source = "// column projection " + java.util.Arrays.toString(projection);
      this.projection = projection;
      this.built = null;
    }

    public BatchCalc instantiate(DataContext root) {
      if (projection != null) {
        return new ColumnProjection(outputType, projection);
      }
      try {
        return (BatchCalc) ctor.newInstance(root, new BatchBuilder(outputType, 64, built));
      } catch (ReflectiveOperationException e) {
        throw EddyException.internal("cannot instantiate generated code", e);
      }
    }

    public String source() {
      return source;
    }
  }

  /** Compiles {@code program}, or takes the program compiled earlier from the same source. */
  public Compiled compile(RexProgram program, RowType input, RowType output) {
    int[] projection = columnProjection(program, input, output);
    if (projection != null) {
      return new Compiled(output, projection);
    }
    RexProgram rewritten = DecimalTimes.rewrite(IntegerMod.rewrite(program, rexBuilder), rexBuilder);
    int[] shared = sharedColumns(rewritten, input, output);
    String source = generate(rewritten, input, output, shared);
    return cache.get(source, output, () -> cook(source, output, built(shared)));
  }

  private static Compiled cook(String source, RowType output, boolean[] built) {
    try {
      SimpleCompiler compiler = new SimpleCompiler();
      compiler.setParentClassLoader(CalcCompiler.class.getClassLoader());
      compiler.cook(source);
      Class<?> cls = compiler.getClassLoader().loadClass(CLASS_NAME);
      return new Compiled(cls.getConstructor(DataContext.class, BatchBuilder.class), output, source, built);
    } catch (Exception e) {
      throw EddyException.internal("generated code does not compile:\n" + source, e);
    }
  }

  /**
   * The input column of each output column when the program has no condition and every output is
   * an input column of the same kind; else null.
   */
  static int[] columnProjection(RexProgram program, RowType input, RowType output) {
    if (program.getCondition() != null) {
      return null;
    }
    int[] columns = new int[program.getProjectList().size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = passedThrough(program, input, output, i);
      if (columns[i] < 0) {
        return null;
      }
    }
    return columns;
  }

  /**
   * For a program without a condition, per output column the input column it passes through (same
   * kind; the output shares it with the input batch, see {@link io.eddy.exec.operator.SharedColumns})
   * or -1 when it is computed; null when there is a condition or no column passes through.
   */
  static int[] sharedColumns(RexProgram program, RowType input, RowType output) {
    if (program.getCondition() != null) {
      return null;
    }
    int[] sources = new int[program.getProjectList().size()];
    boolean any = false;
    for (int i = 0; i < sources.length; i++) {
      sources[i] = passedThrough(program, input, output, i);
      any |= sources[i] >= 0;
    }
    return any ? sources : null;
  }

  private static boolean[] built(int[] shared) {
    if (shared == null) {
      return null;
    }
    boolean[] built = new boolean[shared.length];
    for (int i = 0; i < shared.length; i++) {
      built[i] = shared[i] < 0;
    }
    return built;
  }

  /** The input column of the same kind that output column {@code i} merely copies, or -1 when it computes something. */
  private static int passedThrough(RexProgram program, RowType input, RowType output, int i) {
    RexNode e = program.expandLocalRef(program.getProjectList().get(i));
    int c = e instanceof RexInputRef in ? in.getIndex() : -1;
    return c >= 0 && input.type(c).kind() == output.type(i).kind() ? c : -1;
  }

  /** The source of the calc; output columns with a {@code shared} entry of at least 0 are not built but shared. */
  String generate(RexProgram program, RowType input, RowType output, int[] shared) {
    ParameterExpression row = Expressions.parameter(int.class, "r");
    ParameterExpression out = Expressions.parameter(BatchBuilder.class, "out");
    ParameterExpression[] cols = new ParameterExpression[input.size()];
    ParameterExpression[] nulls = new ParameterExpression[input.size()];
    StringBuilder decl = new StringBuilder();
    for (int c = 0; c < input.size(); c++) {
      Class<?> arr = arrayClass(input.type(c).kind());
      cols[c] = Expressions.parameter(arr, "c" + c);
      nulls[c] = Expressions.parameter(long[].class, "n" + c);
      decl.append("    final ").append(arr.getCanonicalName()).append(" c").append(c).append(" = (")
          .append(arr.getCanonicalName()).append(") in.column(").append(c).append(");\n");
      decl.append("    final long[] n").append(c).append(" = in.nulls(").append(c).append(");\n");
    }
    RexToLixTranslator.InputGetter getter = (list, index, storageType) -> {
      Expression value = Expressions.arrayIndex(cols[index], row);
      if (input.type(index).nullable() && Primitive.is(value.getType())) {
        Class<?> boxed = Primitive.of(value.getType()).boxClass;
        value = Expressions.condition(
            Expressions.call(NullBits.class, "isNull", nulls[index], row),
            Expressions.constant(null, boxed),
            Expressions.convert_(value, boxed));
      }
      return storageType == null ? value : EnumUtils.convert(value, storageType);
    };

    BlockBuilder body = new BlockBuilder();
    if (program.getCondition() != null) {
      Expression cond = RexToLixTranslator.translateCondition(program, typeFactory, body, getter, null,
          conformance);
      body.add(Expressions.ifThen(Expressions.call(NullBits.class, "rejects", cond), Expressions.continue_(null)));
    }
    List<Expression> values = RexToLixTranslator.translateProjects(program, typeFactory, conformance, body,
        null, null, DataContext.ROOT, getter, null);
    for (int i = 0; i < values.size(); i++) {
      int c = passedThrough(program, input, output, i);
      if (shared != null && shared[i] >= 0) {
        continue;
      } else if (c >= 0) {
        copy(body, out, i, output.type(i).kind(), cols[c], nulls[c], row);
      } else {
        write(body, out, i, output.type(i).kind(), values.get(i));
      }
    }
    body.add(Expressions.statement(Expressions.call(out, "endRow", Expressions.arrayIndex(
        Expressions.parameter(long[].class, "w"), row))));
    ConstantHoisting.Split split = ConstantHoisting.split(body.toBlock());
    String rowCode = Expressions.toString(split.row());

    return "package io.eddy.gen;\n"
        + "public final class GeneratedCalc implements io.eddy.exec.operator.BatchCalc {\n"
        + "  private final org.apache.calcite.DataContext root;\n"
        + "  private final io.eddy.exec.batch.BatchBuilder out;\n"
        + "  private long errors;\n"
        + "  private RuntimeException lastError;\n"
        + (shared == null ? "" : "  private static final int[] SHARED = "
            + java.util.Arrays.toString(shared).replace('[', '{').replace(']', '}') + ";\n")
        + split.fields()
        + "  public GeneratedCalc(org.apache.calcite.DataContext root, io.eddy.exec.batch.BatchBuilder out) {\n"
        + "    this.root = root;\n    this.out = out;\n  }\n"
        + "  public long errors() { return errors; }\n"
        + "  public RuntimeException lastError() { return lastError; }\n"
        + "  public io.eddy.exec.batch.ZBatch apply(io.eddy.exec.batch.ZBatch in) {\n"
        + "    final int size = in.size();\n"
        + "    final long[] w = in.weights();\n"
        + "    final io.eddy.exec.batch.BatchBuilder out = this.out;\n"
        + "    final org.apache.calcite.DataContext root = this.root;\n"
        + decl
        + "    errors = 0;\n"
        + "    lastError = null;\n"
        + "    long[] failed = null;\n"
        + "    for (int r = 0; r < size; r++) {\n"
        + "      try " + rowCode.trim() + " catch (RuntimeException e) {\n"
        + "        out.abortRow();\n        errors++;\n        lastError = e;\n"
        + (shared == null ? "" : "        if (failed == null) {\n          failed = new long[(size + 63) >>> 6];\n        }\n"
            + "        failed[r >>> 6] |= 1L << r;\n")
        + "      }\n"
        + "    }\n"
        + (shared == null ? "    return out.build();\n"
            : "    return io.eddy.exec.operator.SharedColumns.merge(out.build(), in, SHARED, failed);\n")
        + "  }\n"
        + "}\n";
  }

  /** Copies an input column's value (or NULL) without boxing. */
  private static void copy(BlockBuilder body, ParameterExpression out, int i, TypeKind kind, ParameterExpression col,
      ParameterExpression nulls, ParameterExpression row) {
    Expression index = Expressions.constant(i);
    Expression value = Expressions.arrayIndex(col, row);
    Expression set = primitiveOf(kind) == null
        ? Expressions.call(out, "objectField", index, Expressions.convert_(value, Object.class))
        : Expressions.call(out, setterOf(kind), index, value);
    body.add(Expressions.ifThenElse(Expressions.call(NullBits.class, "isNull", nulls, row),
        Expressions.statement(Expressions.call(out, "nullField", index)), Expressions.statement(set)));
  }

  private static void write(BlockBuilder body, ParameterExpression out, int i, TypeKind kind, Expression value) {
    Class<?> prim = primitiveOf(kind);
    Expression index = Expressions.constant(i);
    if (prim == null) {
      Class<?> obj = kind == TypeKind.DECIMAL ? BigDecimal.class : String.class;
      body.add(Expressions.statement(Expressions.call(out, "objectField", index,
          Expressions.convert_(EnumUtils.convert(value, obj), Object.class))));
      return;
    }
    String setter = setterOf(kind);
    if (Primitive.is(value.getType())) {
      body.add(Expressions.statement(Expressions.call(out, setter, index, EnumUtils.convert(value, prim))));
      return;
    }
    Type boxed = Primitive.box(prim);
    Expression v = body.append("v" + i, EnumUtils.convert(value, boxed));
    body.add(Expressions.ifThenElse(
        Expressions.equal(v, Expressions.constant(null)),
        Expressions.statement(Expressions.call(out, "nullField", index)),
        Expressions.statement(Expressions.call(out, setter, index, Expressions.unbox(v)))));
  }

  private static Class<?> primitiveOf(TypeKind kind) {
    return switch (kind) {
      case BIGINT, TIMESTAMP -> long.class;
      case INT, DATE -> int.class;
      case DOUBLE -> double.class;
      case BOOLEAN -> boolean.class;
      case VARCHAR, DECIMAL -> null;
    };
  }

  private static String setterOf(TypeKind kind) {
    return switch (kind) {
      case BIGINT, TIMESTAMP -> "longField";
      case INT, DATE -> "intField";
      case DOUBLE -> "doubleField";
      case BOOLEAN -> "booleanField";
      case VARCHAR, DECIMAL -> "objectField";
    };
  }

  private static Class<?> arrayClass(TypeKind kind) {
    return switch (kind) {
      case BIGINT, TIMESTAMP -> long[].class;
      case INT, DATE -> int[].class;
      case DOUBLE -> double[].class;
      case BOOLEAN -> boolean[].class;
      case VARCHAR -> String[].class;
      case DECIMAL -> BigDecimal[].class;
    };
  }
}
