# RANK() and DENSE_RANK() per partition filtered by <= N keep every row tied at the limit
# (TOP-N with ties); unfiltered ROW_NUMBER/RANK/DENSE_RANK renumber a partition on each change.

CREATE TABLE scores (id INT NOT NULL, team VARCHAR, pts BIGINT, PRIMARY KEY (id));
> ok

CREATE VIEW rank2 AS
SELECT * FROM (
  SELECT team, id, pts, RANK() OVER (PARTITION BY team ORDER BY pts DESC) AS rk FROM scores
) t WHERE rk <= 2;
> ok

CREATE VIEW dense2 AS
SELECT * FROM (
  SELECT team, id, pts, DENSE_RANK() OVER (PARTITION BY team ORDER BY pts DESC) AS dr FROM scores
) t WHERE dr <= 2;
> ok

CREATE VIEW ranked AS
SELECT team, id, pts,
  RANK() OVER (PARTITION BY team ORDER BY pts) AS rk
FROM scores;
> ok

CREATE VIEW densed AS
SELECT id, DENSE_RANK() OVER (ORDER BY pts DESC) AS dr FROM scores;
> ok

CREATE VIEW numbered AS
SELECT id, ROW_NUMBER() OVER (PARTITION BY team ORDER BY pts, id) AS rn FROM scores;
> ok

INSERT INTO scores VALUES
  (1, 'a', 30), (2, 'a', 30), (3, 'a', 20), (4, 'a', 10),
  (5, 'b', 5), (6, 'b', 7), (7, 'b', 7);
> 7 rows affected

# Two tied at 30 both rank 1; the next rank is 3, beyond the limit.
SELECT * FROM rank2;
team | id | pts | rk
a    | 1  | 30  | 1
a    | 2  | 30  | 1
b    | 6  | 7   | 1
b    | 7  | 7   | 1

SELECT * FROM dense2;
team | id | pts | dr
a    | 1  | 30  | 1
a    | 2  | 30  | 1
a    | 3  | 20  | 2
b    | 6  | 7   | 1
b    | 7  | 7   | 1
b    | 5  | 5   | 2

SELECT * FROM ranked;
team | id | pts | rk
a    | 4  | 10  | 1
a    | 3  | 20  | 2
a    | 1  | 30  | 3
a    | 2  | 30  | 3
b    | 5  | 5   | 1
b    | 6  | 7   | 2
b    | 7  | 7   | 2

SELECT * FROM densed;
id | dr
1  | 1
2  | 1
3  | 2
4  | 3
5  | 5
6  | 4
7  | 4

SELECT * FROM numbered;
id | rn
4  | 1
3  | 2
1  | 3
2  | 4
5  | 1
6  | 2
7  | 3

SUBSCRIBE TO rank2;
_diff | team | id | pts | rk
+1    | a    | 1  | 30  | 1
+1    | a    | 2  | 30  | 1
+1    | b    | 6  | 7   | 1
+1    | b    | 7  | 7   | 1

# Deleting one of the tied leaders: the other stays first, 20 becomes rank 2.
DELETE FROM scores WHERE id = 2;
> 1 row affected

> changes
_diff | team | id | pts | rk
-1    | a    | 2  | 30  | 1
+1    | a    | 3  | 20  | 2

# A new top scorer pushes the others down.
INSERT INTO scores VALUES (8, 'a', 40);
> 1 row affected

> changes
_diff | team | id | pts | rk
+1    | a    | 8  | 40  | 1
-1    | a    | 1  | 30  | 1
+1    | a    | 1  | 30  | 2
-1    | a    | 3  | 20  | 2

SELECT * FROM ranked WHERE team = 'a';
team | id | pts | rk
a    | 4  | 10  | 1
a    | 3  | 20  | 2
a    | 1  | 30  | 3
a    | 8  | 40  | 4

# The same queries as snapshots.
SELECT team, id, RANK() OVER (PARTITION BY team ORDER BY pts DESC) AS rk FROM scores;
team | id | rk
a    | 8  | 1
a    | 1  | 2
a    | 3  | 3
a    | 4  | 4
b    | 6  | 1
b    | 7  | 1
b    | 5  | 3

SELECT * FROM (
  SELECT team, id, DENSE_RANK() OVER (PARTITION BY team ORDER BY pts) AS dr FROM scores
) t WHERE dr = 2;
team | id | dr
a    | 3  | 2
b    | 6  | 2
b    | 7  | 2

EXPLAIN STATE ranked;
> contains RANK
> contains unbounded: every input row of every partition
