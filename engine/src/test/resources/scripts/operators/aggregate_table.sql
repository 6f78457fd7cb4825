# Aggregates under deletes and upserts: every aggregate must retract. MIN/MAX fall back to the
# next value when the extreme is deleted; COUNT(DISTINCT) keeps a value while any row has it.

CREATE TABLE items (id INT NOT NULL, cat VARCHAR, price BIGINT, w DOUBLE, PRIMARY KEY (id));
> ok

CREATE VIEW stats AS
SELECT cat, COUNT(*) AS n, COUNT(price) AS np, COUNT(DISTINCT price) AS dp, SUM(price) AS s,
       MIN(price) AS lo, MAX(price) AS hi, AVG(w) AS aw
FROM items GROUP BY cat;
> ok

CREATE VIEW g AS SELECT COUNT(*) AS n, SUM(price) AS s, MIN(price) AS lo, MAX(price) AS hi FROM items;
> ok

CREATE VIEW rich_cats AS SELECT cat, SUM(price) AS s FROM items GROUP BY cat HAVING SUM(price) > 20;
> ok

INSERT INTO items VALUES (1, 'a', 10, 1.0), (2, 'a', 30, 2.0), (3, 'a', 30, 3.0), (4, 'b', 5, 0.5),
  (5, 'b', NULL, NULL);
> 5 rows affected

SELECT * FROM stats;
cat | n | np | dp | s  | lo | hi | aw
a   | 3 | 3  | 2  | 70 | 10 | 30 | 2.0
b   | 2 | 1  | 1  | 5  | 5  | 5  | 0.5

SELECT * FROM g;
n | s  | lo | hi
5 | 75 | 5  | 30

SELECT * FROM rich_cats;
cat | s
a   | 70

# One of two 30s goes: MAX and COUNT(DISTINCT) stay.
DELETE FROM items WHERE id = 2;
> 1 row affected

SELECT * FROM stats;
cat | n | np | dp | s  | lo | hi | aw
a   | 2 | 2  | 2  | 40 | 10 | 30 | 2.0
b   | 2 | 1  | 1  | 5  | 5  | 5  | 0.5

SELECT * FROM g;
n | s  | lo | hi
4 | 45 | 5  | 30

# The last 30 goes: MAX falls back to 10; HAVING drops the group.
DELETE FROM items WHERE id = 3;
> 1 row affected

SELECT * FROM stats;
cat | n | np | dp | s  | lo | hi | aw
a   | 1 | 1  | 1  | 10 | 10 | 10 | 1.0
b   | 2 | 1  | 1  | 5  | 5  | 5  | 0.5

SELECT * FROM g;
n | s  | lo | hi
3 | 15 | 5  | 10

SELECT * FROM rich_cats;
cat | s

# An upsert moves id 1 from group a to group b: group a disappears.
INSERT INTO items VALUES (1, 'b', 1, 4.0);
> 1 row affected

SELECT * FROM stats;
cat | n | np | dp | s | lo | hi | aw
b   | 3 | 2  | 2  | 6 | 1  | 5  | 2.25

SELECT * FROM g;
n | s | lo | hi
3 | 6 | 1  | 5

# An upsert that changes only the aggregated value.
INSERT INTO items VALUES (5, 'b', 40, 1.0);
> 1 row affected

SELECT * FROM stats;
cat | n | np | dp | s  | lo | hi | aw
b   | 3 | 3  | 3  | 46 | 1  | 40 | 1.8333333333333333

SELECT * FROM rich_cats;
cat | s
b   | 46

DELETE FROM items WHERE cat = 'b';
> 3 rows affected

SELECT * FROM stats;
cat | n | np | dp | s | lo | hi | aw

SELECT * FROM g;
n | s    | lo   | hi
0 | null | null | null

SELECT * FROM rich_cats;
cat | s
