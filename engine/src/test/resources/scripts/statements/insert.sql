# INSERT ... VALUES, INSERT with a column list, INSERT ... SELECT, and rejected inserts.

CREATE STREAM s (a INT NOT NULL, b VARCHAR, c DOUBLE);
> ok

INSERT INTO s VALUES (1, 'x', 1.5), (2, NULL, NULL), (3, 'z', -0.25);
> 3 rows affected

# Columns left out of the list are NULL.
INSERT INTO s (a, c) VALUES (4, 2.0);
> 1 row affected

SELECT * FROM s;
a | b    | c
1 | x    | 1.5
2 | null | null
3 | z    | -0.25
4 | null | 2.0

INSERT INTO s VALUES (NULL, 'n', 0.0);
> error DATA 22000

INSERT INTO s VALUES (5, 'y');
> error VALIDATION 42000

INSERT INTO s VALUES (TRUE, 'y', 1.0);
> error VALIDATION 42000

INSERT INTO nope VALUES (1);
> error NOT_FOUND 42S02: nope

# A statement is atomic: the bad second row rejects the first one too.
INSERT INTO s VALUES (6, 'ok', 1.0), (NULL, 'bad', 1.0);
> error DATA 22000

SELECT COUNT(*) AS n FROM s;
n
4

# INSERT ... SELECT copies the rows of a snapshot, once.
CREATE STREAM big (a INT NOT NULL, c DOUBLE);
> ok

INSERT INTO big SELECT a, c FROM s WHERE c > 1;
> 2 rows affected

INSERT INTO s VALUES (7, 'w', 9.0);
> 1 row affected

SELECT * FROM big;
a | c
1 | 1.5
4 | 2.0

# A view over the copy sees later copies.
CREATE VIEW big_sum AS SELECT SUM(c) AS total FROM big;
> ok

INSERT INTO big SELECT a * 10, c FROM s WHERE a = 7;
> 1 row affected

SELECT * FROM big_sum;
total
12.5
