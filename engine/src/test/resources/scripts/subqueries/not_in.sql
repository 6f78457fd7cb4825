# x NOT IN (subquery) with SQL's NULL semantics: a NULL in the sub-query's result makes NOT IN
# unknown for every row (no rows), and a NULL x is never NOT IN a non-empty set.

CREATE TABLE items (id INT NOT NULL, cat BIGINT, PRIMARY KEY (id));
> ok

CREATE TABLE banned (id INT NOT NULL, cat BIGINT, PRIMARY KEY (id));
> ok

CREATE VIEW allowed AS SELECT id FROM items WHERE cat NOT IN (SELECT cat FROM banned);
> ok

CREATE VIEW allowed_in AS SELECT id, cat IN (SELECT cat FROM banned) AS b FROM items;
> ok

INSERT INTO items VALUES (1, 10), (2, 20), (3, NULL), (4, 30);
> 4 rows affected

# An empty sub-query: every row is NOT IN it, NULL included.
SELECT * FROM allowed;
id
1
2
3
4

EXPLAIN allowed;
> contains Join

SELECT * FROM allowed_in;
id | b
1  | false
2  | false
3  | false
4  | false

INSERT INTO banned VALUES (100, 20);
> 1 row affected

# 20 is banned; a NULL cat is unknown against a non-empty set, so row 3 is not kept.
SELECT * FROM allowed;
id
1
4

SELECT * FROM allowed_in;
id | b
1  | false
2  | true
3  | null
4  | false

SUBSCRIBE TO allowed;
_diff | id
+1    | 1
+1    | 4

# A NULL in the sub-query: NOT IN is never TRUE, so no rows at all.
INSERT INTO banned VALUES (101, NULL);
> 1 row affected

> changes
_diff | id
-1    | 1
-1    | 4

SELECT * FROM allowed_in;
id | b
1  | null
2  | true
3  | null
4  | null

# Removing the NULL brings the rows back.
DELETE FROM banned WHERE id = 101;
> 1 row affected

> changes
_diff | id
+1    | 1
+1    | 4

# The same as a snapshot, and NOT IN over a stream with a correlated-free sub-query.
SELECT id FROM items WHERE cat NOT IN (SELECT cat FROM banned WHERE cat > 15);
id
1
4

CREATE STREAM events (id INT, cat BIGINT);
> ok

INSERT INTO events VALUES (1, 10), (2, 20), (3, NULL);
> 3 rows affected

SELECT id FROM events WHERE cat NOT IN (SELECT cat FROM banned);
id
1

SELECT id FROM events WHERE cat NOT IN (SELECT cat FROM banned WHERE cat > 100);
id
1
2
3
