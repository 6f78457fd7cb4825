# Integer overflow is a runtime row error, never a silent wrap.
# Expressions: integer +, - and * that overflow their type (Calcite's CHECKED_* operators) skip the
# row, counted per view like a division by zero. SUM: the sum of a group is kept exactly; while it
# does not fit in BIGINT the group's row is withheld (its old row retracted) and each such update is
# counted as an error; retractions that bring the sum back into range bring the row back, exact.

CREATE TABLE t (id INT NOT NULL, g INT, x BIGINT, i INT, PRIMARY KEY (id));
> ok

CREATE VIEW plus AS SELECT id, x + 1 AS y, i * 2 AS j FROM t;
> ok

CREATE VIEW sums AS SELECT g, SUM(x) AS s, COUNT(*) AS n FROM t GROUP BY g;
> ok

CREATE VIEW total AS SELECT SUM(x) AS s FROM t;
> ok

INSERT INTO t VALUES (1, 1, 9223372036854775800, 1), (2, 1, 5, 2), (3, 2, 1, 2147483647), (4, 2, 9223372036854775807, 3);
> 4 rows affected

# Row 3 overflows i * 2 (INT), row 4 x + 1 (BIGINT): both skipped.
SELECT * FROM plus ORDER BY id;
id | y                   | j
1  | 9223372036854775801 | 2
2  | 6                   | 4

# Group 1: 9223372036854775800 + 5 = 9223372036854775805 fits; group 2 does not.
SELECT * FROM sums ORDER BY g;
g | s                   | n
1 | 9223372036854775805 | 2

SELECT * FROM total;
s

SHOW QUERIES;
> contains integer overflow
> contains long overflow

EXPLAIN STATE sums;
> contains [errors: 1]

SUBSCRIBE TO sums;
_diff | g | s                   | n
+1    | 1 | 9223372036854775805 | 2

# Adding 3 more to group 1 overflows it: its row is retracted and withheld.
INSERT INTO t VALUES (5, 1, 3, 0);
> 1 row affected

> changes
_diff | g | s                   | n
-1    | 1 | 9223372036854775805 | 2

# Deleting the huge value of group 2 brings it back into range, with the exact sum.
DELETE FROM t WHERE id = 4;
> 1 row affected

> changes
_diff | g | s | n
+1    | 2 | 1 | 1

DELETE FROM t WHERE id = 5;
> 1 row affected

> changes
_diff | g | s                   | n
+1    | 1 | 9223372036854775805 | 2

SELECT * FROM total;
s
9223372036854775806

# A one-shot SELECT fails as a batch database would.
SELECT x * 2 FROM t;
> error DATA: overflow

# A condition that is NULL on every row (the NULL operand makes the whole sum NULL) keeps no row
# (SLT random/aggregates: its code once did not compile).
CREATE VIEW nulls AS SELECT id FROM t WHERE x - i * CAST(NULL AS INTEGER) + - i + - x / i IS NOT NULL;
> ok

SELECT COUNT(*) AS n FROM nulls;
n
0

SELECT COUNT(*) AS n FROM t WHERE x - i * CAST(NULL AS INTEGER) IS NULL;
n
3
