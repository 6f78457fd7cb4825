# TOP-N: ROW_NUMBER() per partition filtered by rn <= N (and rn = 1 to keep one row per key), and
# ORDER BY ... LIMIT inside a view, which keeps only the top rows. Deletes bring lower rows back.

CREATE TABLE scores (id INT NOT NULL, team VARCHAR, pts BIGINT, PRIMARY KEY (id));
> ok

CREATE VIEW top2 AS
SELECT * FROM (
  SELECT team, id, pts, ROW_NUMBER() OVER (PARTITION BY team ORDER BY pts DESC, id) AS rn FROM scores
) t WHERE rn <= 2;
> ok

CREATE VIEW best AS
SELECT team, id FROM (
  SELECT team, id, ROW_NUMBER() OVER (PARTITION BY team ORDER BY pts DESC, id) AS rn FROM scores
) t WHERE rn = 1;
> ok

CREATE VIEW leaders AS SELECT id, pts FROM scores ORDER BY pts DESC, id LIMIT 3;
> ok

INSERT INTO scores VALUES (1, 'a', 10), (2, 'a', 30), (3, 'a', 20), (4, 'b', 5), (5, 'b', 5), (6, 'c', 1);
> 6 rows affected

SELECT * FROM top2;
team | id | pts | rn
a    | 2  | 30  | 1
a    | 3  | 20  | 2
b    | 4  | 5   | 1
b    | 5  | 5   | 2
c    | 6  | 1   | 1

SELECT * FROM leaders;
id | pts
2  | 30
3  | 20
1  | 10

SUBSCRIBE TO best;
_diff | team | id
+1    | a    | 2
+1    | b    | 4
+1    | c    | 6

# A new leader in team a; the old one drops to second place.
INSERT INTO scores VALUES (7, 'a', 50);
> 1 row affected

> changes
_diff | team | id
-1    | a    | 2
+1    | a    | 7

SELECT * FROM top2;
team | id | pts | rn
a    | 7  | 50  | 1
a    | 2  | 30  | 2
b    | 4  | 5   | 1
b    | 5  | 5   | 2
c    | 6  | 1   | 1

# Deleting the leader brings the runner-up back.
DELETE FROM scores WHERE id = 7;
> 1 row affected

> changes
_diff | team | id
-1    | a    | 7
+1    | a    | 2

DELETE FROM scores WHERE id = 2;
> 1 row affected

SELECT * FROM leaders;
id | pts
3  | 20
1  | 10
4  | 5

SELECT * FROM top2;
team | id | pts | rn
a    | 3  | 20  | 1
a    | 1  | 10  | 2
b    | 4  | 5   | 1
b    | 5  | 5   | 2
c    | 6  | 1   | 1
