package io.eddy.sql.internal;

import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.grammar.EddyParser;
import io.eddy.grammar.EddyParserBaseVisitor;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Maps a parsed column type to Eddy's {@link SqlType} (nullable; NOT NULL is applied by the
 * caller). Several SQL spellings share one stored type:
 * <ul>
 *   <li>TINYINT, SMALLINT, INT, INTEGER: INT</li>
 *   <li>FLOAT, REAL, DOUBLE [PRECISION]: DOUBLE</li>
 *   <li>DECIMAL / NUMERIC [(p [, s])]: DECIMAL, default (10, 0) as in Flink</li>
 *   <li>VARCHAR [(n)], STRING, CHARACTER VARYING, CHAR [(n)]: VARCHAR (CHAR is not blank-padded)</li>
 *   <li>TIMESTAMP [(p)]: TIMESTAMP, precision 0..9, default 3</li>
 * </ul>
 * Stateless apart from the source it reports errors against.
 */
public final class TypeMapper extends EddyParserBaseVisitor<SqlType> {
  private static final int DEFAULT_DECIMAL_PRECISION = 10;
  private static final int MAX_DECIMAL_PRECISION = 38;
  private static final int MAX_TIMESTAMP_PRECISION = 9;

  private final SourceText source;

  public TypeMapper(SourceText source) {
    this.source = source;
  }

  @Override
  public SqlType visitBooleanType(EddyParser.BooleanTypeContext ctx) {
    return SqlType.of(TypeKind.BOOLEAN);
  }

  @Override
  public SqlType visitIntType(EddyParser.IntTypeContext ctx) {
    return SqlType.of(TypeKind.INT);
  }

  @Override
  public SqlType visitBigintType(EddyParser.BigintTypeContext ctx) {
    return SqlType.of(TypeKind.BIGINT);
  }

  @Override
  public SqlType visitDoubleType(EddyParser.DoubleTypeContext ctx) {
    return SqlType.of(TypeKind.DOUBLE);
  }

  @Override
  public SqlType visitDateType(EddyParser.DateTypeContext ctx) {
    return SqlType.of(TypeKind.DATE);
  }

  @Override
  public SqlType visitDecimalType(EddyParser.DecimalTypeContext ctx) {
    int precision = number(ctx.precision, DEFAULT_DECIMAL_PRECISION, 1, MAX_DECIMAL_PRECISION, ctx);
    int scale = number(ctx.scale, 0, 0, precision, ctx);
    return SqlType.decimal(precision, scale);
  }

  @Override
  public SqlType visitVarcharType(EddyParser.VarcharTypeContext ctx) {
    return varchar(ctx.length, ctx);
  }

  @Override
  public SqlType visitCharType(EddyParser.CharTypeContext ctx) {
    return varchar(ctx.length, ctx);
  }

  @Override
  public SqlType visitTimestampType(EddyParser.TimestampTypeContext ctx) {
    int precision = number(ctx.precision, 3, 0, MAX_TIMESTAMP_PRECISION, ctx);
    return new SqlType(TypeKind.TIMESTAMP, precision, 0, true);
  }

  private SqlType varchar(Token length, ParserRuleContext ctx) {
    int n = number(length, -1, 1, Integer.MAX_VALUE, ctx);
    return new SqlType(TypeKind.VARCHAR, n, 0, true);
  }

  private int number(Token token, int absent, int min, int max, ParserRuleContext type) {
    if (token == null) {
      return absent;
    }
    long value;
    try {
      value = Long.parseLong(token.getText());
    } catch (NumberFormatException e) {
      value = Long.MAX_VALUE;
    }
    if (value < min || value > max) {
      throw source.error(token, "type " + source.queryText(type).sql() + " is out of range",
          "use a value from " + min + " to " + max + " here");
    }
    return (int) value;
  }
}
