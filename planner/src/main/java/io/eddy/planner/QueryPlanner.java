package io.eddy.planner;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.SqlType;
import io.eddy.planner.catalog.Catalog;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.codegen.CalcCompiler;
import io.eddy.planner.codegen.CompiledCache;
import io.eddy.planner.schema.EddyTable;
import io.eddy.planner.translate.CircuitTranslator;
import io.eddy.sql.CalciteParsing;
import io.eddy.sql.ast.Identifier;
import io.eddy.sql.ast.QueryText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * Plans one query against a catalog snapshot: Calcite parses and validates it, converts it to
 * relational algebra, Eddy's rule program rewrites it, and {@link CircuitTranslator} turns it into
 * a {@link PlannedQuery}. Calcite's own runtime is never used. Not thread-safe; cheap to create.
 */
public final class QueryPlanner {
  static final org.apache.calcite.sql.validate.SqlConformance CONFORMANCE = EddyConformance.INSTANCE;

  /**
   * Calcite's standard operators plus Flink's CUMULATE window function and string/time functions
   * (DATE_FORMAT, REGEXP_EXTRACT, SPLIT_INDEX), and the CONCAT function (PostgreSQL's and DuckDB's:
   * NULL arguments are skipped).
   */
  private static final org.apache.calcite.sql.SqlOperatorTable OPERATORS =
      org.apache.calcite.sql.util.SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
          org.apache.calcite.sql.util.SqlOperatorTables.of(io.eddy.planner.window.SqlCumulateTableFunction.INSTANCE,
              org.apache.calcite.sql.fun.SqlLibraryOperators.CONCAT_FUNCTION_WITH_NULL),
          io.eddy.planner.functions.FlinkOperators.table());

  private final Catalog catalog;
  private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(EddyTypeSystem.INSTANCE);
  private final CalcCompiler compiler;

  /** A planner whose compiled expressions are not shared with other planners. */
  public QueryPlanner(Catalog catalog) {
    this(catalog, CompiledCache.disabled());
  }

  /** A planner that takes compiled expressions from, and adds them to, {@code cache}. */
  public QueryPlanner(Catalog catalog, CompiledCache cache) {
    this.catalog = catalog;
    this.compiler = new CalcCompiler(typeFactory, CONFORMANCE, cache);
  }

  public JavaTypeFactory typeFactory() {
    return typeFactory;
  }

  /** The context compiled code reads bound {@code ?} parameters and the statement time from. */
  public io.eddy.planner.codegen.ParamContext paramContext(List<Object> params) {
    return new io.eddy.planner.codegen.ParamContext(typeFactory, params, System.currentTimeMillis());
  }

  /** Plans a SELECT / VALUES / WITH query. */
  public PlannedQuery plan(QueryText q, String script, PlanMode mode) {
    Validated v = validate(CalciteParsing.parseQuery(q, script), q, script);
    return finish(v, v.rel, mode, io.eddy.sql.ast.EmitPolicy.CHANGES);
  }

  /**
   * Plans a view's query as a standing query with its emit policy: with EMIT ON WINDOW CLOSE its
   * windowed aggregates emit each window once, when the watermark closes it (an error when the
   * query has no such aggregate).
   */
  public PlannedQuery planView(QueryText q, String script, io.eddy.sql.ast.EmitPolicy emit) {
    Validated v = validate(CalciteParsing.parseQuery(q, script), q, script);
    return finish(v, v.rel, PlanMode.STANDING, emit);
  }

  /**
   * Plans {@code INSERT INTO target [(columns)] <source>}: the result rows have exactly the
   * target's columns, in its order, coerced to its types (missing columns are NULL).
   */
  public PlannedQuery planInsert(Identifier target, List<Identifier> columns, QueryText source,
      String script) {
    columns = insertColumns(target, columns, script);
    SqlNodeList cols = null;
    if (!columns.isEmpty()) {
      List<SqlNode> ids = new ArrayList<>();
      for (Identifier c : columns) {
        ids.add(new SqlIdentifier(c.name(), SqlParserPos.ZERO));
      }
      cols = new SqlNodeList(ids, SqlParserPos.ZERO);
    }
    SqlInsert insert = new SqlInsert(SqlParserPos.ZERO, SqlNodeList.EMPTY,
        new SqlIdentifier(target.name(), SqlParserPos.ZERO), CalciteParsing.parseQuery(source, script), cols);
    Validated v = validate(insert, source, script);
    RelNode rel = v.rel instanceof TableModify m ? m.getInput() : v.rel;
    return finish(v, rel, PlanMode.SNAPSHOT, io.eddy.sql.ast.EmitPolicy.CHANGES);
  }

  /**
   * The target columns of an INSERT: into a stream with a PROCTIME() column, no list means all
   * other columns (the engine's writer fills that one), and naming it is an error.
   */
  private List<Identifier> insertColumns(Identifier target, List<Identifier> columns, String script) {
    if (!(catalog.lookup(target.name()).orElse(null) instanceof StreamDef s) || s.proctimeColumn() < 0) {
      return columns;
    }
    String pt = s.rowType().get(s.proctimeColumn()).name();
    for (Identifier c : columns) {
      if (c.name().equalsIgnoreCase(pt)) {
        throw new EddyException(ErrorCode.VALIDATION, "column '" + c.name() + "' of " + s.name()
            + " is its PROCTIME() column: the engine fills it at append", c.span(), script,
            "leave '" + pt + "' out of the column list", null);
      }
    }
    return columns.isEmpty()
        ? s.suppliedColumns().stream().map(n -> new Identifier(n, target.span())).toList() : columns;
  }

  /**
   * Plans {@code SELECT * FROM table [WHERE condition]} in snapshot mode (the rows a DELETE
   * removes); errors in the condition are positioned where the user wrote it.
   */
  public PlannedQuery planFiltered(Identifier table, java.util.Optional<QueryText> condition, String script) {
    SqlNode where = condition.map(c -> CalciteParsing.parseExpression(c, script)).orElse(null);
    SqlNodeList star = SqlNodeList.of(SqlIdentifier.star(SqlParserPos.ZERO));
    org.apache.calcite.sql.SqlSelect select = new org.apache.calcite.sql.SqlSelect(SqlParserPos.ZERO, null,
        star, new SqlIdentifier(table.name(), SqlParserPos.ZERO), where, null, null, null, null, null, null,
        null, null);
    QueryText at = condition.orElse(new QueryText("", 1, 1));
    Validated v = validate(select, at, script);
    return finish(v, v.rel, PlanMode.SNAPSHOT, io.eddy.sql.ast.EmitPolicy.CHANGES);
  }

  /**
   * Plans {@code UPDATE t SET ... [WHERE ...]} in snapshot mode. Each result row is the updated
   * row (the table's columns, assigned values cast to their column types) followed by the row as
   * it was (the table's columns again): {@code 2 * n} columns for a table of {@code n}. Assignments
   * are type-checked as INSERT values are; errors are positioned in the statement.
   */
  public PlannedQuery planUpdate(QueryText statement, String script) {
    Validated v = validate(CalciteParsing.parseStatement(statement, script), statement, script);
    if (!(v.rel instanceof TableModify m) || m.getUpdateColumnList() == null) {
      throw EddyException.internal("UPDATE did not convert to a table modification: " + v.rel, null);
    }
    RelNode input = m.getInput();
    RexBuilder rex = input.getCluster().getRexBuilder();
    List<RelDataTypeField> columns = m.getTable().getRowType().getFieldList();
    List<RexNode> exprs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (RelDataTypeField c : columns) {
      int j = indexOf(m.getUpdateColumnList(), c.getName());
      RexNode value = j < 0 ? rex.makeInputRef(input, c.getIndex()) : m.getSourceExpressionList().get(j);
      if (!value.getType().equals(c.getType())) {
        value = rex.makeCast(typeFactory.createTypeWithNullability(c.getType(), value.getType().isNullable()),
            value);
      }
      exprs.add(value);
      names.add(c.getName());
    }
    for (RelDataTypeField c : columns) {
      exprs.add(rex.makeInputRef(input, c.getIndex()));
      names.add("old_" + c.getName());
    }
    RelNode rows = org.apache.calcite.rel.logical.LogicalProject.create(input, List.of(), exprs, names,
        Set.of());
    return finish(v, rows, PlanMode.SNAPSHOT, io.eddy.sql.ast.EmitPolicy.CHANGES);
  }

  private static int indexOf(List<String> names, String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private record Validated(RelNode rel, List<SqlType> params, Set<String> dependencies) {}

  private Validated validate(SqlNode node, QueryText q, String script) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    for (CatalogObject o : catalog.objects()) {
      root.add(o.name(), new EddyTable(o));
    }
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    props.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), "UNCHANGED");
    props.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), "UNCHANGED");
    CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(), typeFactory,
        new CalciteConnectionConfigImpl(props));
    SqlValidator validator = SqlValidatorUtil.newValidator(OPERATORS, reader, typeFactory,
        SqlValidator.Config.DEFAULT.withConformance(CONFORMANCE).withIdentifierExpansion(true)
            .withTypeCoercionEnabled(false));
    SqlNode validated;
    try {
      validated = validator.validate(node);
    } catch (CalciteContextException e) {
      throw CalciteErrors.of(e, q, script, names());
    } catch (EddyException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EddyException(ErrorCode.VALIDATION, String.valueOf(e.getMessage()), null, script, null, null);
    }
    List<SqlType> params = new ArrayList<>();
    for (RelDataTypeField f : validator.getParameterRowType(validated).getFieldList()) {
      params.add(TypeMapping.toEddy(f.getType()));
    }
    RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()),
        new RexBuilder(typeFactory));
    SqlToRelConverter converter = new SqlToRelConverter(null, validator, reader, cluster,
        StandardConvertletTable.INSTANCE, SqlToRelConverter.config().withTrimUnusedFields(true)
            .withExpand(false));
    RelRoot relRoot;
    try {
      relRoot = converter.convertQuery(validated, false, true);
    } catch (RuntimeException e) {
      throw new EddyException(ErrorCode.UNSUPPORTED, "cannot plan this query: " + e.getMessage(),
          null, script, null, e);
    }
    RelBuilder relBuilder = RelBuilder.proto(org.apache.calcite.plan.Contexts.empty()).create(cluster, reader);
    Comparability.check(relRoot.project(), script);
    RelNode rel = RelDecorrelator.decorrelateQuery(Rules.removeSubQueries(relRoot.project()), relBuilder);
    Comparability.check(rel, script);
    return new Validated(rel, params, scannedTables(rel));
  }

  /**
   * The lower-case names of the catalog objects {@code rel} scans (a plain tree walk: Calcite's
   * {@code RelOptUtil.findTables} goes through the metadata system, a noticeable share of planning).
   */
  private static Set<String> scannedTables(RelNode rel) {
    Set<String> deps = new HashSet<>();
    new org.apache.calcite.rel.RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, RelNode parent) {
        if (node instanceof org.apache.calcite.rel.core.TableScan scan) {
          List<String> name = scan.getTable().getQualifiedName();
          deps.add(name.get(name.size() - 1).toLowerCase(java.util.Locale.ROOT));
        }
        super.visit(node, ordinal, parent);
      }
    }.go(rel);
    return deps;
  }

  private PlannedQuery finish(Validated v, RelNode rel, PlanMode mode, io.eddy.sql.ast.EmitPolicy emit) {
    SnapshotOrder order = SnapshotOrder.NONE;
    if (rel instanceof Sort sort) {
      order = order(sort);
      // A standing query keeps only its top rows (ORDER BY ... LIMIT in a view); elsewhere the
      // snapshot applies order and limit at the end.
      boolean topN = mode == PlanMode.STANDING && (sort.fetch != null || sort.offset != null);
      rel = topN ? rel : sort.getInput();
    }
    if (mode == PlanMode.STANDING) {
      DynamicFunctions.refuseIn(rel);
    }
    RelNode optimized = Rules.optimize(rel);
    String logical = RelOptUtil.toString(optimized);
    CircuitTranslator translator = new CircuitTranslator(catalog, mode, compiler, this, emit);
    return new PlannedQuery(translator.translate(optimized), TypeMapping.toEddyRow(rel.getRowType()),
        order, v.params, v.dependencies, logical);
  }

  /** Plans a view's query for splicing into a standing circuit. */
  public RelNode viewRel(io.eddy.planner.catalog.ViewDef view) {
    Validated v = validate(CalciteParsing.parseQuery(view.query(), view.ddl()), view.query(), view.ddl());
    RelNode rel = v.rel instanceof Sort s && s.fetch == null && s.offset == null ? s.getInput() : v.rel;
    return Rules.optimize(rel);
  }

  private static SnapshotOrder order(Sort sort) {
    RelCollation c = sort.getCollation();
    List<SnapshotOrder.Key> keys = new ArrayList<>();
    for (RelFieldCollation f : c.getFieldCollations()) {
      boolean desc = f.getDirection().isDescending();
      boolean nullsFirst = f.nullDirection == RelFieldCollation.NullDirection.FIRST;
      if (f.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED) {
        nullsFirst = desc;
      }
      keys.add(new SnapshotOrder.Key(f.getFieldIndex(), desc, nullsFirst));
    }
    return new SnapshotOrder(keys, literal(sort.offset, 0), literal(sort.fetch, -1));
  }

  private static long literal(RexNode n, long dflt) {
    if (n == null) {
      return dflt;
    }
    if (n instanceof RexLiteral l) {
      return l.getValueAs(Long.class);
    }
    throw new EddyException(ErrorCode.UNSUPPORTED, "LIMIT and OFFSET must be constants");
  }

  /** Every object and column name of the catalog: the candidates for did-you-mean hints. */
  private List<String> names() {
    List<String> names = new ArrayList<>();
    for (CatalogObject o : catalog.objects()) {
      names.add(o.name());
      o.rowType().columns().forEach(c -> names.add(c.name()));
    }
    return names;
  }
}
