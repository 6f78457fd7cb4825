# Filter and project with expressions, maintained as views over a stream.

CREATE STREAM t (id INT NOT NULL, x BIGINT, y DOUBLE, s VARCHAR, d DECIMAL(8, 2), b BOOLEAN);
> ok

CREATE VIEW pos_and_b AS SELECT id FROM t WHERE x > 0 AND b;
> ok

INSERT INTO t VALUES
  (1, 10, 1.5, 'Alpha', 3.25, TRUE),
  (2, -4, 0.25, 'beta', -1.50, FALSE),
  (3, NULL, NULL, NULL, NULL, NULL),
  (4, 7, -2.0, 'Gamma Ray', 0.00, TRUE);
> 4 rows affected

SELECT * FROM pos_and_b;
id
1
4

SELECT id FROM t WHERE x > 0 OR y > 0;
id
1
2
4

SELECT id FROM t WHERE NOT b;
id
2

SELECT id FROM t WHERE x IS NULL;
id
3

SELECT id FROM t WHERE s LIKE '%a';
id
1
2

SELECT id FROM t WHERE x BETWEEN -5 AND 7;
id
2
4

SELECT id FROM t WHERE id IN (1, 3);
id
1
3

# Arithmetic; integer division truncates toward zero (as in Calcite and PostgreSQL).
CREATE VIEW arith AS
SELECT id, x + id AS a, x * 2 - 1 AS m, -x AS n, x / 4 AS q, MOD(x, 3) AS r, y * 2 AS y2,
       d * 2 AS d2, d + 1 AS d1
FROM t;
> ok

SELECT * FROM arith ORDER BY id;
id | a    | m    | n    | q    | r    | y2   | d2    | d1
1  | 11   | 19   | -10  | 2    | 1    | 3.0  | 6.50  | 4.25
2  | -2   | -9   | 4    | -1   | -1   | 0.5  | -3.00 | -0.50
3  | null | null | null | null | null | null | null  | null
4  | 11   | 13   | -7   | 1    | 1    | -4.0 | 0.00  | 1.00

CREATE VIEW cases AS
SELECT id,
       CASE WHEN x > 5 THEN 'big' WHEN x < 0 THEN 'neg' ELSE 'other' END AS size,
       COALESCE(x, 0) AS x0,
       COALESCE(s, 'none') AS s0,
       x > 0 AS positive,
       NOT b AS nb
FROM t;
> ok

SELECT * FROM cases ORDER BY id;
id | size  | x0 | s0        | positive | nb
1  | big   | 10 | Alpha     | true     | false
2  | neg   | -4 | beta      | false    | true
3  | other | 0  | none      | null     | null
4  | big   | 7  | Gamma Ray | true     | false

CREATE VIEW casts AS
SELECT id, CAST(x AS DOUBLE) AS xd, CAST(id AS VARCHAR) AS ids, CAST(d AS DOUBLE) AS dd,
       CAST(x AS INT) AS xi
FROM t;
> ok

SELECT * FROM casts ORDER BY id;
id | xd    | ids | dd    | xi
1  | 10.0  | 1   | 3.25  | 10
2  | -4.0  | 2   | -1.5  | -4
3  | null  | 3   | null  | null
4  | 7.0   | 4   | 0.0   | 7

CREATE VIEW strings AS
SELECT id, UPPER(s) AS u, LOWER(s) AS l, CHAR_LENGTH(s) AS len, s || '!' AS bang,
       SUBSTRING(s FROM 2 FOR 3) AS sub, POSITION('a' IN s) AS pos
FROM t;
> ok

SELECT * FROM strings ORDER BY id;
id | u         | l         | len  | bang       | sub  | pos
1  | ALPHA     | alpha     | 5    | Alpha!     | lph  | 5
2  | BETA      | beta      | 4    | beta!      | eta  | 4
3  | null      | null      | null | null       | null | null
4  | GAMMA RAY | gamma ray | 9    | Gamma Ray! | amm  | 2

# The views keep up with new rows.
INSERT INTO t VALUES (5, 100, 0.0, '', 9.99, TRUE);
> 1 row affected

SELECT * FROM pos_and_b;
id
1
4
5

SELECT * FROM cases WHERE id = 5;
id | size | x0  | s0 | positive | nb
5  | big  | 100 | '' | true     | false

SELECT * FROM strings WHERE id = 5;
id | u  | l  | len | bang | sub | pos
5  | '' | '' | 0   | !    | ''  | 0
