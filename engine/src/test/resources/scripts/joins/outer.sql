# Outer joins: a row without a match is padded with NULLs; the padding is retracted when the first
# match arrives and emitted again when the last match goes. NULL keys never match, not even each
# other, so their rows stay padded.

CREATE TABLE l (id INT NOT NULL, k INT, a VARCHAR, PRIMARY KEY (id));
> ok

CREATE TABLE r (id INT NOT NULL, k INT, b VARCHAR, PRIMARY KEY (id));
> ok

CREATE VIEW lj AS SELECT l.id AS lid, r.id AS rid, l.a, r.b FROM l LEFT JOIN r ON l.k = r.k;
> ok

CREATE VIEW rj AS SELECT l.id AS lid, r.id AS rid FROM l RIGHT JOIN r ON l.k = r.k;
> ok

CREATE VIEW fj AS SELECT l.id AS lid, r.id AS rid FROM l FULL JOIN r ON l.k = r.k AND l.a <> r.b;
> ok

CREATE VIEW counts AS SELECT l.id, COUNT(r.id) AS n FROM l LEFT JOIN r ON l.k = r.k GROUP BY l.id;
> ok

INSERT INTO l VALUES (1, 1, 'x'), (2, 2, 'y'), (3, NULL, 'z');
> 3 rows affected

SUBSCRIBE TO lj;
_diff | lid | rid  | a | b
+1    | 1   | null | x | null
+1    | 2   | null | y | null
+1    | 3   | null | z | null

# The first match retracts the padded row.
INSERT INTO r VALUES (10, 1, 'p');
> 1 row affected

> changes
_diff | lid | rid  | a | b
-1    | 1   | null | x | null
+1    | 1   | 10   | x | p

# A second match adds a row; the padding stays retracted.
INSERT INTO r VALUES (11, 1, 'x');
> 1 row affected

> changes
_diff | lid | rid | a | b
+1    | 1   | 11  | x | x

INSERT INTO r VALUES (12, NULL, 'z');
> 1 row affected

> changes
_diff | lid | rid | a | b

# Deleting one of two matches keeps the padding retracted; deleting the last re-emits it.
DELETE FROM r WHERE id = 10;
> 1 row affected

> changes
_diff | lid | rid | a | b
-1    | 1   | 10  | x | p

DELETE FROM r WHERE id = 11;
> 1 row affected

> changes
_diff | lid | rid  | a | b
-1    | 1   | 11   | x | x
+1    | 1   | null | x | null

# An update moves a match from one left row to another.
INSERT INTO r VALUES (13, 2, 'q');
> 1 row affected

> changes
_diff | lid | rid  | a | b
-1    | 2   | null | y | null
+1    | 2   | 13   | y | q

INSERT INTO r VALUES (13, 1, 'q');
> 1 row affected

> changes
_diff | lid | rid  | a | b
-1    | 2   | 13   | y | q
+1    | 2   | null | y | null
-1    | 1   | null | x | null
+1    | 1   | 13   | x | q

# Row 14 has the key of l.1 but fails the FULL join's residual (x <> x), so it is unmatched there.
INSERT INTO r VALUES (14, 1, 'x');
> 1 row affected

SELECT * FROM fj;
lid  | rid
1    | 13
2    | null
3    | null
null | 12
null | 14

SELECT * FROM rj;
lid  | rid
1    | 13
1    | 14
null | 12

SELECT * FROM counts;
id | n
1  | 2
2  | 0
3  | 0

DELETE FROM l WHERE id = 1;
> 1 row affected

SELECT * FROM fj;
lid  | rid
2    | null
3    | null
null | 12
null | 13
null | 14

SELECT * FROM rj;
lid  | rid
null | 12
null | 13
null | 14

SELECT * FROM lj;
lid | rid  | a | b
2   | null | y | null
3   | null | z | null
