package io.eddy.sql.internal;

import io.eddy.common.error.SourceSpan;
import io.eddy.grammar.EddyParser;
import io.eddy.grammar.EddyParserBaseVisitor;
import io.eddy.sql.CalciteParsing;
import io.eddy.sql.ast.Copy;
import io.eddy.sql.ast.CreateStream;
import io.eddy.sql.ast.CreateStreamAs;
import io.eddy.sql.ast.CreateTable;
import io.eddy.sql.ast.CreateView;
import io.eddy.sql.ast.Delete;
import io.eddy.sql.ast.Update;
import io.eddy.sql.ast.Describe;
import io.eddy.sql.ast.Drop;
import io.eddy.sql.ast.EmitPolicy;
import io.eddy.sql.ast.Explain;
import io.eddy.sql.ast.Identifier;
import io.eddy.sql.ast.Insert;
import io.eddy.sql.ast.ObjectKind;
import io.eddy.sql.ast.QueryText;
import io.eddy.sql.ast.Select;
import io.eddy.sql.ast.SetOption;
import io.eddy.sql.ast.Show;
import io.eddy.sql.ast.Statement;
import io.eddy.sql.ast.Subscribe;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds {@link Statement} records from the parse tree, one visit method per statement kind.
 * Every query and expression body is parsed by Calcite right away, so its syntax errors surface
 * here with script positions; the records keep the text, not Calcite's tree. Not thread-safe;
 * one instance per script.
 */
public final class AstBuilder extends EddyParserBaseVisitor<Statement> {
  private final SourceText source;
  private final OptionsReader options;

  public AstBuilder(SourceText source) {
    this.source = source;
    this.options = new OptionsReader(source);
  }

  /** The statements of a script, in order; empty statements are skipped. */
  public List<Statement> script(EddyParser.ScriptContext ctx) {
    return ctx.statement().stream().map(this::visit).toList();
  }

  @Override
  public Statement visitCreateStream(EddyParser.CreateStreamContext ctx) {
    Identifier name = source.identifier(ctx.name);
    boolean ifNotExists = ctx.ifNotExists() != null;
    if (ctx.query() != null) {
      return new CreateStreamAs(name, options.read(ctx.withOptions()), query(ctx.query()),
          emit(ctx.emitClause()), lateInto(ctx.lateClause()), ifNotExists, span(ctx), script());
    }
    TableElements.Stream elements = TableElements.forStream(source, ctx.tableElements());
    return new CreateStream(name, elements.columns(), elements.watermark(), options.read(ctx.withOptions()),
        ifNotExists, span(ctx), script());
  }

  @Override
  public Statement visitCreateTable(EddyParser.CreateTableContext ctx) {
    TableElements.Table elements = TableElements.forTable(source, ctx.tableElements());
    return new CreateTable(source.identifier(ctx.name), elements.columns(), elements.primaryKey(),
        elements.watermark(), options.read(ctx.withOptions()), ctx.ifNotExists() != null, span(ctx), script());
  }

  @Override
  public Statement visitCreateView(EddyParser.CreateViewContext ctx) {
    return new CreateView(source.identifier(ctx.name), query(ctx.query()), emit(ctx.emitClause()),
        lateInto(ctx.lateClause()), ctx.ifNotExists() != null, span(ctx), script());
  }

  private static EmitPolicy emit(EddyParser.EmitClauseContext ctx) {
    return ctx instanceof EddyParser.EmitOnWindowCloseContext ? EmitPolicy.ON_WINDOW_CLOSE : EmitPolicy.CHANGES;
  }

  private Optional<Identifier> lateInto(EddyParser.LateClauseContext ctx) {
    return ctx == null ? Optional.empty() : Optional.of(source.identifier(ctx.target));
  }

  @Override
  public Statement visitInsert(EddyParser.InsertContext ctx) {
    List<Identifier> columns = ctx.columnList() == null ? List.of()
        : ctx.columnList().identifier().stream().map(source::identifier).toList();
    return new Insert(source.identifier(ctx.target), columns, query(ctx.query()), span(ctx), script());
  }

  @Override
  public Statement visitDelete(EddyParser.DeleteContext ctx) {
    Optional<QueryText> condition = Optional.ofNullable(ctx.expressionBody()).map(source::queryText);
    condition.ifPresent(c -> CalciteParsing.parseExpression(c, script()));
    return new Delete(source.identifier(ctx.target), condition, span(ctx), script());
  }

  @Override
  public Statement visitUpdate(EddyParser.UpdateContext ctx) {
    List<Update.Assignment> assignments = new java.util.ArrayList<>();
    for (EddyParser.AssignmentContext a : ctx.assignment()) {
      QueryText value = source.queryText(a.assignmentValue());
      CalciteParsing.parseExpression(value, script());
      assignments.add(new Update.Assignment(source.identifier(a.column), value));
    }
    Optional<QueryText> condition = Optional.ofNullable(ctx.expressionBody()).map(source::queryText);
    condition.ifPresent(c -> CalciteParsing.parseExpression(c, script()));
    return new Update(source.identifier(ctx.target), assignments, condition, source.queryText(ctx), span(ctx),
        script());
  }

  @Override
  public Statement visitDrop(EddyParser.DropContext ctx) {
    ObjectKind kind = ObjectKind.valueOf(ctx.objectKind().getText().toUpperCase(Locale.ROOT));
    return new Drop(kind, source.identifier(ctx.name), ctx.ifExists() != null, span(ctx), script());
  }

  @Override
  public Statement visitShow(EddyParser.ShowContext ctx) {
    Show.What what = Show.What.valueOf(ctx.what.getText().toUpperCase(Locale.ROOT));
    return new Show(what, span(ctx), script());
  }

  @Override
  public Statement visitDescribe(EddyParser.DescribeContext ctx) {
    return new Describe(source.identifier(ctx.name), span(ctx), script());
  }

  @Override
  public Statement visitExplain(EddyParser.ExplainContext ctx) {
    Explain.Kind kind = ctx.kind != null && ctx.kind.getType() == EddyParser.STATE
        ? Explain.Kind.STATE : Explain.Kind.PLAN;
    return new Explain(kind, Optional.ofNullable(ctx.view).map(source::identifier),
        Optional.ofNullable(ctx.query()).map(this::query), span(ctx), script());
  }

  @Override
  public Statement visitSelect(EddyParser.SelectContext ctx) {
    return new Select(query(ctx.query()), span(ctx), script());
  }

  @Override
  public Statement visitSubscribe(EddyParser.SubscribeContext ctx) {
    return new Subscribe(Optional.ofNullable(ctx.view).map(source::identifier),
        Optional.ofNullable(ctx.query()).map(this::query), span(ctx), script());
  }

  @Override
  public Statement visitSetOption(EddyParser.SetOptionContext ctx) {
    return new SetOption(options.key(ctx.optionKey()), options.value(ctx.optionValue()), span(ctx), script());
  }

  @Override
  public Statement visitCopy(EddyParser.CopyContext ctx) {
    String path = Literals.string(ctx.path.getText());
    if (path.isBlank()) {
      throw source.error(ctx.path, "empty file path", "name the file to load, as in COPY s FROM 'data.json'");
    }
    return new Copy(source.identifier(ctx.target), path, options.read(ctx.withOptions()), span(ctx), script());
  }

  /** The text of a query body, checked by Calcite. */
  private QueryText query(EddyParser.QueryContext ctx) {
    QueryText text = source.queryText(ctx);
    CalciteParsing.parseQuery(text, script());
    return text;
  }

  private SourceSpan span(org.antlr.v4.runtime.ParserRuleContext ctx) {
    return source.span(ctx);
  }

  private String script() {
    return source.script();
  }
}
