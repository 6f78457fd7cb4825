# String functions, as a view and as a snapshot SELECT.

CREATE STREAM s (id INT NOT NULL, a VARCHAR, b VARCHAR);
> ok

CREATE VIEW str AS
SELECT id,
  UPPER(a) AS up,
  LOWER(a) AS low,
  SUBSTRING(a FROM 2 FOR 3) AS sub,
  TRIM(a) AS tr,
  TRIM(LEADING ' ' FROM a) AS ltr,
  POSITION(b IN a) AS pos,
  CHAR_LENGTH(a) AS len
FROM s;
> ok

CREATE VIEW str2 AS
SELECT id,
  a || '-' || b AS cat,
  CONCAT(a, '!') AS cat2,
  REPLACE(a, 'o', '0') AS rep,
  a LIKE '%World' AS l1,
  a LIKE 'H_llo%' AS l2
FROM s;
> ok

INSERT INTO s VALUES (1, 'Hello World', 'lo'), (2, '  pad  ', NULL), (3, NULL, 'x');
> 3 rows affected

SELECT * FROM str;
id | up          | low         | sub   | tr          | ltr         | pos  | len
1  | HELLO WORLD | hello world | ell   | Hello World | Hello World | 4    | 11
2  | '  PAD  '   | '  pad  '   | ' pa' | pad         | 'pad  '     | null | 7
3  | null        | null        | null  | null        | null        | null | null

SELECT id, UPPER(a) AS up, LOWER(a) AS low, SUBSTRING(a FROM 2 FOR 3) AS sub, TRIM(a) AS tr,
  TRIM(LEADING ' ' FROM a) AS ltr, POSITION(b IN a) AS pos, CHAR_LENGTH(a) AS len
FROM s;
id | up          | low         | sub   | tr          | ltr         | pos  | len
1  | HELLO WORLD | hello world | ell   | Hello World | Hello World | 4    | 11
2  | '  PAD  '   | '  pad  '   | ' pa' | pad         | 'pad  '     | null | 7
3  | null        | null        | null  | null        | null        | null | null

SELECT * FROM str2;
id | cat            | cat2         | rep         | l1    | l2
1  | Hello World-lo | Hello World! | Hell0 W0rld | true  | true
2  | null           | '  pad  !'   | '  pad  '   | false | false
3  | null           | !            | null        | null  | null

SELECT id, a || '-' || b AS cat, CONCAT(a, '!') AS cat2, REPLACE(a, 'o', '0') AS rep,
  a LIKE '%World' AS l1, a LIKE 'H_llo%' AS l2
FROM s;
id | cat            | cat2         | rep         | l1    | l2
1  | Hello World-lo | Hello World! | Hell0 W0rld | true  | true
2  | null           | '  pad  !'   | '  pad  '   | false | false
3  | null           | !            | null        | null  | null
