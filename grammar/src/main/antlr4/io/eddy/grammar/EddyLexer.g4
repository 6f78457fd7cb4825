/*
 * Tokens of Eddy's statement language.
 *
 * The lexer must tokenize ANY SQL text without failing, because query bodies are captured as token
 * ranges and handed to Calcite unchanged: keywords of the statement frame get their own tokens,
 * everything else falls into IDENTIFIER, quoted forms, numbers, single-character punctuation, or
 * OTHER. Whitespace and comments go to the hidden channel, so the original text of a range
 * (comments included) is recovered from the char stream. Keywords are case-insensitive.
 */
lexer grammar EddyLexer;

options { caseInsensitive = true; }

// statement keywords
AS: 'AS';
CHANGES: 'CHANGES';
CLOSE: 'CLOSE';
COPY: 'COPY';
CREATE: 'CREATE';
DELETE: 'DELETE';
DESC: 'DESC';
DESCRIBE: 'DESCRIBE';
DROP: 'DROP';
EMIT: 'EMIT';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
FOR: 'FOR';
FROM: 'FROM';
IF: 'IF';
INSERT: 'INSERT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
KEY: 'KEY';
NOT: 'NOT';
NULL: 'NULL';
ON: 'ON';
PLAN: 'PLAN';
PRIMARY: 'PRIMARY';
QUERIES: 'QUERIES';
SELECT: 'SELECT';
SET: 'SET';
SHOW: 'SHOW';
STATE: 'STATE';
STREAM: 'STREAM';
STREAMS: 'STREAMS';
SUBSCRIBE: 'SUBSCRIBE';
TABLE: 'TABLE';
TABLES: 'TABLES';
TO: 'TO';
UPDATE: 'UPDATE';
VALUES: 'VALUES';
VIEW: 'VIEW';
VIEWS: 'VIEWS';
WATERMARK: 'WATERMARK';
WHERE: 'WHERE';
WINDOW: 'WINDOW';
WITH: 'WITH';

// type keywords
BIGINT: 'BIGINT';
BOOLEAN: 'BOOLEAN';
CHAR: 'CHAR';
CHARACTER: 'CHARACTER';
DATE: 'DATE';
DECIMAL: 'DECIMAL';
DOUBLE: 'DOUBLE';
FLOAT: 'FLOAT';
INT: 'INT';
INTEGER: 'INTEGER';
NUMERIC: 'NUMERIC';
PRECISION: 'PRECISION';
REAL: 'REAL';
SMALLINT: 'SMALLINT';
STRING: 'STRING';
TIMESTAMP: 'TIMESTAMP';
TINYINT: 'TINYINT';
VARCHAR: 'VARCHAR';
VARYING: 'VARYING';

// punctuation the statement frame looks at
SEMI: ';';
COMMA: ',';
DOT: '.';
LPAREN: '(';
RPAREN: ')';
EQ: '=';
MINUS: '-';

// literals and names
STRING_LITERAL: '\'' ( ~'\'' | '\'\'' )* '\'';
UNCLOSED_STRING: '\'' ( ~'\'' | '\'\'' )*;
INTEGER_VALUE: DIGIT+;
DECIMAL_VALUE: DIGIT+ '.' DIGIT* EXPONENT? | '.' DIGIT+ EXPONENT? | DIGIT+ EXPONENT;
IDENTIFIER: [A-Z_] [A-Z_0-9$]*;
BACKQUOTED_IDENTIFIER: '`' ( ~'`' | '``' )* '`';
UNCLOSED_BACKQUOTE: '`' ( ~'`' | '``' )*;
DOUBLEQUOTED_IDENTIFIER: '"' ( ~'"' | '""' )* '"';

// comments and whitespace: kept in the char stream, hidden from the parser
LINE_COMMENT: '--' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' .*? '*/' -> channel(HIDDEN);
UNCLOSED_COMMENT: '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF;
WS: [ \t\r\n\f]+ -> channel(HIDDEN);

// anything else (operators, brackets, ...) is one token per character; Calcite judges it
OTHER: .;

fragment DIGIT: [0-9];
fragment EXPONENT: 'E' [+-]? DIGIT+;
