/*
 * The statement frame and DDL of Eddy's statement language.
 *
 * Query and expression bodies are NOT parsed here: `query` and `expressionBody` capture a token
 * range with balanced parentheses, which the Java side cuts from the original text and hands to
 * Calcite. A top-level query body ends at ';', at the end of input, or at EMIT (so that
 * CREATE VIEW ... EMIT CHANGES keeps its emit clause).
 */
parser grammar EddyParser;

options { tokenVocab = EddyLexer; }

script: statement? (SEMI statement?)* EOF;

singleStatement: statement SEMI? EOF;

statement
    : createStream
    | createTable
    | createView
    | insert
    | delete
    | update
    | drop
    | show
    | describe
    | explain
    | select
    | subscribe
    | setOption
    | copy
    ;

createStream
    : CREATE STREAM ifNotExists? name=identifier
      ( tableElements withOptions?
      | withOptions? AS query (emitClause lateClause?)?
      )
    ;

createTable: CREATE TABLE ifNotExists? name=identifier tableElements withOptions?;

createView: CREATE VIEW ifNotExists? name=identifier AS query (emitClause lateClause?)?;

insert: INSERT INTO target=identifier columnList? query;

delete: DELETE FROM target=identifier (WHERE expressionBody)?;

// UPDATE t SET col = expr, ... [WHERE cond]: each value is a captured expression that ends at a
// top-level ',' or WHERE.
update: UPDATE target=identifier SET assignment (COMMA assignment)* (WHERE expressionBody)?;

assignment: column=identifier EQ assignmentValue;

assignmentValue
    : ( LPAREN nestedElement* RPAREN
      | ~(LPAREN | RPAREN | SEMI | EMIT | COMMA | WHERE | UNCLOSED_STRING | UNCLOSED_BACKQUOTE | UNCLOSED_COMMENT)
      )+
    ;

drop: DROP objectKind ifExists? name=identifier;

show: SHOW what=(STREAMS | TABLES | VIEWS | QUERIES);

describe: (DESCRIBE | DESC) name=identifier;

explain: EXPLAIN kind=(PLAN | STATE)? FOR? (query | view=identifier);

select: query;

subscribe
    : SUBSCRIBE TO? view=identifier
    | SUBSCRIBE LPAREN query RPAREN
    ;

setOption: SET optionKey EQ optionValue;

copy: COPY target=identifier FROM path=STRING_LITERAL withOptions?;

// ---- DDL pieces ----

ifNotExists: IF NOT EXISTS;

ifExists: IF EXISTS;

objectKind: STREAM | TABLE | VIEW;

tableElements: LPAREN tableElement (COMMA tableElement)* RPAREN;

tableElement
    : columnDefinition
    | watermarkDefinition
    | primaryKeyDefinition
    ;

// `pt AS PROCTIME()`: a processing-time column the engine fills at append (checked in TableElements).
columnDefinition: name=identifier (dataType columnConstraint* | AS fn=identifier LPAREN RPAREN);

columnConstraint
    : NOT NULL      # notNullConstraint
    | NULL          # nullConstraint
    | PRIMARY KEY   # inlinePrimaryKey
    ;

dataType
    : BOOLEAN                                                        # booleanType
    | (TINYINT | SMALLINT | INT | INTEGER)                           # intType
    | BIGINT                                                         # bigintType
    | (FLOAT | REAL | DOUBLE PRECISION?)                             # doubleType
    | (DECIMAL | NUMERIC) (LPAREN precision=INTEGER_VALUE
          (COMMA scale=INTEGER_VALUE)? RPAREN)?                      # decimalType
    | (VARCHAR | STRING | CHARACTER VARYING) (LPAREN length=INTEGER_VALUE RPAREN)? # varcharType
    | (CHAR | CHARACTER) (LPAREN length=INTEGER_VALUE RPAREN)?       # charType
    | TIMESTAMP (LPAREN precision=INTEGER_VALUE RPAREN)?             # timestampType
    | DATE                                                           # dateType
    ;

watermarkDefinition
    : WATERMARK FOR column=identifier AS base=identifier
      (MINUS INTERVAL amount=STRING_LITERAL unit=identifier)?
    ;

primaryKeyDefinition: PRIMARY KEY columnList;

columnList: LPAREN identifier (COMMA identifier)* RPAREN;

withOptions: WITH LPAREN option (COMMA option)* RPAREN;

option: optionKey EQ optionValue;

optionKey: STRING_LITERAL | identifier (DOT identifier)*;

optionValue
    : STRING_LITERAL
    | MINUS? (INTEGER_VALUE | DECIMAL_VALUE)
    | identifier (DOT identifier)*
    ;

emitClause
    : EMIT CHANGES              # emitChanges
    | EMIT ON WINDOW CLOSE      # emitOnWindowClose
    ;

// Where a windowed query's late rows go: `EMIT ... LATE INTO late_stream` (after the emit clause,
// because a query body runs up to EMIT).
lateClause: LATE INTO target=identifier;

// ---- captured bodies ----

query: queryHead queryElement*;

queryHead: SELECT | WITH | VALUES | LPAREN query RPAREN;

expressionBody: queryElement+;

// A query body never contains an unterminated literal or comment: those are reported as such.

queryElement
    : LPAREN nestedElement* RPAREN
    | ~(LPAREN | RPAREN | SEMI | EMIT | UNCLOSED_STRING | UNCLOSED_BACKQUOTE | UNCLOSED_COMMENT)
    ;

nestedElement
    : LPAREN nestedElement* RPAREN
    | ~(LPAREN | RPAREN | SEMI | UNCLOSED_STRING | UNCLOSED_BACKQUOTE | UNCLOSED_COMMENT)
    ;

// ---- names ----

identifier: IDENTIFIER | BACKQUOTED_IDENTIFIER | nonReserved;

// Keywords that may still be used as plain names (e.g. a column called `key` or `date`).
nonReserved
    : AS | CHANGES | CLOSE | COPY | CREATE | DELETE | DESC | DESCRIBE | DROP | EMIT | EXISTS
    | EXPLAIN | FOR | FROM | IF | INSERT | INTERVAL | INTO | KEY | LATE | NOT | NULL | ON | PLAN
    | PRIMARY | QUERIES | SET | SHOW | STATE | STREAM | STREAMS | SUBSCRIBE | TABLE | TABLES
    | TO | UPDATE | VIEW | VIEWS | WATERMARK | WHERE | WINDOW
    | BIGINT | BOOLEAN | CHAR | CHARACTER | DATE | DECIMAL | DOUBLE | FLOAT | INT | INTEGER
    | NUMERIC | PRECISION | REAL | SMALLINT | STRING | TIMESTAMP | TINYINT | VARCHAR | VARYING
    ;
