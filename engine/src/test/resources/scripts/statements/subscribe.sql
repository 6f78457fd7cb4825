# SUBSCRIBE: the current contents as +1 changes, then every change. `_time` is checked to be
# non-decreasing but not shown; changes of one block are consolidated (see README).

CREATE STREAM bids (auction BIGINT, price BIGINT);
> ok

CREATE VIEW totals AS SELECT auction, SUM(price) AS s FROM bids GROUP BY auction;
> ok

INSERT INTO bids VALUES (1, 10), (1, 20), (2, 5);
> 3 rows affected

SUBSCRIBE TO totals;
_diff | auction | s
+1    | 1       | 30
+1    | 2       | 5

INSERT INTO bids VALUES (1, 5), (3, 7);
> 2 rows affected

> changes
_diff | auction | s
-1    | 1       | 30
+1    | 1       | 35
+1    | 3       | 7

# Adding 0 to a sum changes nothing.
INSERT INTO bids VALUES (2, 0);
> 1 row affected

> changes
_diff | auction | s

# SUBSCRIBE to a query; duplicates show as a weight.
SUBSCRIBE (SELECT auction FROM bids WHERE price > 6);
_diff | auction
+2    | 1
+1    | 3

INSERT INTO bids VALUES (4, 100), (4, 1);
> 2 rows affected

> changes
_diff | auction
+1    | 4

# A global aggregate over a table: its one row is replaced at every change.
CREATE TABLE t (k INT NOT NULL, v BIGINT, PRIMARY KEY (k));
> ok

CREATE VIEW tv AS SELECT MAX(v) AS m, COUNT(*) AS n FROM t;
> ok

SUBSCRIBE TO tv;
_diff | m    | n
+1    | null | 0

INSERT INTO t VALUES (1, 10), (2, 20);
> 2 rows affected

> changes
_diff | m    | n
-1    | null | 0
+1    | 20   | 2

DELETE FROM t WHERE k = 2;
> 1 row affected

> changes
_diff | m  | n
-1    | 20 | 2
+1    | 10 | 1

INSERT INTO t VALUES (1, 15);
> 1 row affected

> changes
_diff | m  | n
-1    | 10 | 1
+1    | 15 | 1

SUBSCRIBE TO nope;
> error NOT_FOUND 42S02: nope
