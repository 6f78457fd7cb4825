# NULL handling: grouping keys, aggregates, three-valued logic, DISTINCT and UNION.

CREATE STREAM n (k VARCHAR, v INT);
> ok

INSERT INTO n VALUES ('a', 1), ('a', NULL), (NULL, 2), (NULL, NULL), ('b', NULL);
> 5 rows affected

# NULL keys form one group; COUNT(v) and SUM skip NULLs; an all-NULL SUM is NULL.
CREATE VIEW per_key AS SELECT k, COUNT(*) AS c, COUNT(v) AS cv, SUM(v) AS s, MIN(v) AS lo FROM n GROUP BY k;
> ok

SELECT * FROM per_key;
k    | c | cv | s    | lo
a    | 2 | 1  | 1    | 1
null | 2 | 1  | 2    | 2
b    | 1 | 0  | null | null

# A comparison with NULL is unknown, and so is its negation.
SELECT COUNT(*) AS c FROM n WHERE v <> 1;
c
1

SELECT COUNT(*) AS c FROM n WHERE NOT (v <> 1);
c
1

SELECT COUNT(*) AS c FROM n WHERE v IS NULL;
c
3

SELECT k, v FROM n WHERE v IS DISTINCT FROM 1;
k    | v
a    | null
null | 2
null | null
b    | null

# unknown OR true is true; unknown OR false is unknown.
CREATE VIEW tvl AS SELECT k FROM n WHERE v > 0 OR k = 'b';
> ok

SELECT * FROM tvl;
k
a
null
b

SELECT v + 1 AS p, COALESCE(v, -1) AS c, NULLIF(v, 1) AS z FROM n WHERE k = 'a';
p    | c  | z
2    | 1  | null
null | -1 | null

# DISTINCT and UNION treat NULLs as equal.
CREATE VIEW keys AS SELECT DISTINCT k FROM n;
> ok

SELECT * FROM keys;
k
a
null
b

SELECT v FROM n WHERE k IS NULL UNION SELECT v FROM n WHERE k = 'b';
v
2
null

# The empty string is not NULL.
INSERT INTO n VALUES ('', 5);
> 1 row affected

SELECT * FROM keys;
k
a
null
b
''

SELECT k, v FROM n WHERE k = '';
k  | v
'' | 5

# Aggregates over input filtered to nothing.
CREATE VIEW nothing AS SELECT COUNT(*) AS c, SUM(v) AS s, MAX(k) AS m FROM n WHERE v > 100;
> ok

SELECT * FROM nothing;
c | s    | m
0 | null | null
