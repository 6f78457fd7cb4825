# CASE, COALESCE, NULLIF and CAST, as a view and as a snapshot SELECT.

CREATE STREAM t (id INT NOT NULL, a BIGINT, s VARCHAR, d DOUBLE);
> ok

CREATE VIEW cond AS
SELECT id,
  CASE WHEN a > 3 THEN 'big' WHEN a IS NULL THEN 'none' ELSE 'small' END AS c1,
  CASE a WHEN 0 THEN 'zero' ELSE 'other' END AS c2,
  COALESCE(a, -1) AS c3,
  COALESCE(s, 'dflt') AS c4,
  NULLIF(a, 0) AS c5
FROM t;
> ok

CREATE VIEW casts AS
SELECT id,
  CAST(a AS VARCHAR) AS c1,
  CAST(a AS DECIMAL(5, 2)) AS c2,
  CAST(id AS DOUBLE) AS c3,
  CAST(d AS BIGINT) AS c4,
  CAST(a AS INT) AS c5
FROM t;
> ok

INSERT INTO t VALUES (1, 5, 'x', 2.0), (2, NULL, '42', NULL), (3, 0, NULL, -3.0);
> 3 rows affected

SELECT * FROM cond;
id | c1    | c2    | c3 | c4   | c5
1  | big   | other | 5  | x    | 5
2  | none  | other | -1 | 42   | null
3  | small | zero  | 0  | dflt | null

SELECT id,
  CASE WHEN a > 3 THEN 'big' WHEN a IS NULL THEN 'none' ELSE 'small' END AS c1,
  CASE a WHEN 0 THEN 'zero' ELSE 'other' END AS c2,
  COALESCE(a, -1) AS c3,
  COALESCE(s, 'dflt') AS c4,
  NULLIF(a, 0) AS c5
FROM t;
id | c1    | c2    | c3 | c4   | c5
1  | big   | other | 5  | x    | 5
2  | none  | other | -1 | 42   | null
3  | small | zero  | 0  | dflt | null

SELECT * FROM casts;
id | c1   | c2   | c3  | c4   | c5
1  | 5    | 5.00 | 1.0 | 2    | 5
2  | null | null | 2.0 | null | null
3  | 0    | 0.00 | 3.0 | -3   | 0

SELECT id, CAST(a AS VARCHAR) AS c1, CAST(a AS DECIMAL(5, 2)) AS c2, CAST(id AS DOUBLE) AS c3,
  CAST(d AS BIGINT) AS c4, CAST(a AS INT) AS c5
FROM t;
id | c1   | c2   | c3  | c4   | c5
1  | 5    | 5.00 | 1.0 | 2    | 5
2  | null | null | 2.0 | null | null
3  | 0    | 0.00 | 3.0 | -3   | 0

# Text to numbers and dates.
SELECT CAST(s AS INT) AS n, CAST('2024-01-02' AS DATE) AS dt, CAST('12.5' AS DOUBLE) AS x FROM t WHERE id = 2;
n  | dt         | x
42 | 2024-01-02 | 12.5

# A bad CAST in a view skips the row and counts it; in a snapshot it fails the statement.
CREATE VIEW parsed AS SELECT id, CAST(s AS INT) AS n FROM t;
> ok

SELECT * FROM parsed;
id | n
2  | 42
3  | null

DESCRIBE parsed;
> contains errors: 1

SELECT CAST(s AS INT) AS n FROM t;
> error DATA 22000
