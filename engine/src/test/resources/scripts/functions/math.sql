# Math functions, as a view and as a snapshot SELECT. ROUND(DECIMAL, n) has n decimals, as in
# PostgreSQL and DuckDB.

CREATE STREAM m (id INT NOT NULL, x BIGINT, y DOUBLE, z DECIMAL(6, 2));
> ok

CREATE VIEW mth AS
SELECT id,
  ABS(x) AS ax,
  ABS(z) AS az,
  MOD(x, 4) AS md,
  x / 2 AS half,
  ROUND(y) AS ry,
  FLOOR(y) AS fy,
  CEIL(y) AS cy,
  POWER(x, 2) AS p,
  SQRT(ABS(x)) AS sq
FROM m;
> ok

CREATE VIEW rounded AS SELECT id, ROUND(z, 1) AS rz, FLOOR(z) AS fz, CEIL(z) AS cz FROM m;
> ok

INSERT INTO m VALUES (1, -9, 2.7, 3.14), (2, 16, -1.2, -2.56), (3, NULL, NULL, NULL);
> 3 rows affected

SELECT * FROM mth;
id | ax   | az   | md   | half | ry   | fy   | cy   | p     | sq
1  | 9    | 3.14 | -1   | -4   | 3.0  | 2.0  | 3.0  | 81.0  | 3.0
2  | 16   | 2.56 | 0    | 8    | -1.0 | -2.0 | -1.0 | 256.0 | 4.0
3  | null | null | null | null | null | null | null | null  | null

SELECT id, ABS(x) AS ax, ABS(z) AS az, MOD(x, 4) AS md, x / 2 AS half, ROUND(y) AS ry, FLOOR(y) AS fy,
  CEIL(y) AS cy, POWER(x, 2) AS p, SQRT(ABS(x)) AS sq
FROM m;
id | ax   | az   | md   | half | ry   | fy   | cy   | p     | sq
1  | 9    | 3.14 | -1   | -4   | 3.0  | 2.0  | 3.0  | 81.0  | 3.0
2  | 16   | 2.56 | 0    | 8    | -1.0 | -2.0 | -1.0 | 256.0 | 4.0
3  | null | null | null | null | null | null | null | null  | null

SELECT * FROM rounded;
id | rz    | fz   | cz
1  | 3.1   | 3    | 4
2  | -2.6  | -3   | -2
3  | null  | null | null

SELECT id, ROUND(z, 1) AS rz, FLOOR(z) AS fz, CEIL(z) AS cz FROM m;
id | rz    | fz   | cz
1  | 3.1   | 3    | 4
2  | -2.6  | -3   | -2
3  | null  | null | null

# MOD of integers of two widths is computed in BIGINT and has the divisor's type; its sign is the
# dividend's.
CREATE VIEW mods AS
SELECT id, MOD(x * 1000000000000, 7) AS big, MOD(id, x) AS small, MOD(x, CAST(id AS SMALLINT)) AS tiny FROM m;
> ok

SELECT * FROM mods;
id | big  | small | tiny
1  | -2   | 1     | 0
2  | 2    | 2     | 0
3  | null | null  | null

SELECT id, MOD(x * 1000000000000, 7) AS big, MOD(id, x) AS small, MOD(x, CAST(id AS SMALLINT)) AS tiny FROM m;
id | big  | small | tiny
1  | -2   | 1     | 0
2  | 2    | 2     | 0
3  | null | null  | null
