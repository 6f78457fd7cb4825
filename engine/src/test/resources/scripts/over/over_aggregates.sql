# OVER aggregates: ROWS n PRECEDING, RANGE INTERVAL PRECEDING on event time, unbounded
# preceding. Over an event-time stream ordered by its time, rows are emitted once the watermark
# passes them (insert-only, bounded state, as in Flink); a row arriving out of order (within
# lateness) gives the batch answer, a late one is dropped and counted. Over a table, a delete
# updates the rows after it (the general operator, state unbounded).

CREATE STREAM r (sensor VARCHAR, ts TIMESTAMP(3) NOT NULL, v BIGINT,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND);
> ok

CREATE VIEW w1 AS
SELECT sensor, ts, v,
  SUM(v) OVER (PARTITION BY sensor ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s2,
  COUNT(*) OVER (PARTITION BY sensor ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS c2
FROM r;
> ok

CREATE VIEW w2 AS
SELECT sensor, v,
  SUM(v) OVER w AS s, MAX(v) OVER w AS m, AVG(CAST(v AS DOUBLE)) OVER w AS av
FROM r
WINDOW w AS (PARTITION BY sensor ORDER BY ts RANGE BETWEEN INTERVAL '2' SECOND PRECEDING AND CURRENT ROW);
> ok

CREATE VIEW w3 AS
SELECT sensor, v,
  SUM(v) OVER (PARTITION BY sensor ORDER BY ts ROWS UNBOUNDED PRECEDING) AS run,
  MIN(v) OVER (PARTITION BY sensor ORDER BY ts) AS mn
FROM r;
> ok

INSERT INTO r VALUES
  ('a', TIMESTAMP '2024-01-01 00:00:01', 1),
  ('a', TIMESTAMP '2024-01-01 00:00:02', 2),
  ('b', TIMESTAMP '2024-01-01 00:00:03', 10),
  ('a', TIMESTAMP '2024-01-01 00:00:04', 4),
  ('b', TIMESTAMP '2024-01-01 00:00:05', 20),
  ('a', TIMESTAMP '2024-01-01 00:00:07', 7);
> 6 rows affected

# Over an event-time stream ordered by its time, a row is emitted (once, final) when the
# watermark (7 s - 5 s = 2 s) passes it.
SELECT sensor, v, s2, c2 FROM w1;
sensor | v  | s2 | c2
a      | 1  | 1  | 1

SUBSCRIBE TO w2;
_diff | sensor | v  | s  | m  | av
+1    | a      | 1  | 1  | 1  | 1.0

# Out of order but within the 5 s delay: the batch answer over all rows. A row at 20 s moves the
# watermark to 15 s, past every row but itself.
INSERT INTO r VALUES ('a', TIMESTAMP '2024-01-01 00:00:03', 3), ('c', TIMESTAMP '2024-01-01 00:00:20', 0);
> 2 rows affected

> changes
_diff | sensor | v  | s  | m  | av
+1    | a      | 2  | 3  | 2  | 1.5
+1    | a      | 3  | 6  | 3  | 2.0
+1    | a      | 4  | 9  | 4  | 3.0
+1    | a      | 7  | 7  | 7  | 7.0
+1    | b      | 10 | 10 | 10 | 10.0
+1    | b      | 20 | 30 | 20 | 15.0

SELECT sensor, v, s2, c2 FROM w1;
sensor | v  | s2 | c2
a      | 1  | 1  | 1
a      | 2  | 3  | 2
a      | 3  | 5  | 2
a      | 4  | 7  | 2
a      | 7  | 11 | 2
b      | 10 | 10 | 1
b      | 20 | 30 | 2

SELECT * FROM w3;
sensor | v  | run | mn
a      | 1  | 1   | 1
a      | 2  | 3   | 1
a      | 3  | 6   | 1
a      | 4  | 10  | 1
a      | 7  | 17  | 1
b      | 10 | 10  | 10
b      | 20 | 30  | 10

# The same as a snapshot (a one-shot query reads the retained rows as complete input).
SELECT sensor, v, SUM(v) OVER (PARTITION BY sensor ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s3
FROM r;
sensor | v  | s3
a      | 1  | 1
a      | 2  | 3
a      | 3  | 6
a      | 4  | 9
a      | 7  | 14
b      | 10 | 10
b      | 20 | 30
c      | 0  | 0

# Over a whole partition (no ORDER BY) and over everything: the general operator.
SELECT sensor, v, COUNT(*) OVER (PARTITION BY sensor) AS n, SUM(v) OVER () AS total FROM r;
sensor | v  | n | total
a      | 1  | 5 | 47
a      | 2  | 5 | 47
a      | 3  | 5 | 47
a      | 4  | 5 | 47
a      | 7  | 5 | 47
b      | 10 | 2 | 47
b      | 20 | 2 | 47
c      | 0  | 1 | 47

# A row behind the watermark is late: dropped, counted, and written LATE INTO a stream when asked
# (its window is the row's own time). A row at 40 s emits the one at 20 s.
CREATE VIEW w4 AS
SELECT sensor, v, COUNT(*) OVER (PARTITION BY sensor ORDER BY ts RANGE BETWEEN INTERVAL '10' SECOND PRECEDING
  AND CURRENT ROW) AS n
FROM r EMIT CHANGES LATE INTO over_late;
> ok

INSERT INTO r VALUES ('a', TIMESTAMP '2024-01-01 00:00:05', 100), ('c', TIMESTAMP '2024-01-01 00:00:40', 1);
> 2 rows affected

> changes
_diff | sensor | v | s | m | av
+1    | c      | 0 | 0 | 0 | 0.0

EXPLAIN STATE w2;
> contains EventTimeOver(partition=[0], order=$1, RANGE 2000 PRECEDING
> contains bounded by the watermark: rows until it passes them, then rows within 2000 of it
> contains late rows: 1

SELECT query_name, window_start, event_time FROM over_late;
query_name | window_start            | event_time
w4         | 2024-01-01 00:00:05.000 | 2024-01-01 00:00:05.000

SELECT * FROM w4 ORDER BY sensor, v;
sensor | v  | n
a      | 1  | 1
a      | 2  | 2
a      | 3  | 3
a      | 4  | 4
a      | 7  | 5
b      | 10 | 1
b      | 20 | 2
c      | 0  | 1

# Held by w4 at watermark 35 s: the row at 40 s (waiting), and no frame rows (the one at 20 s is
# more than 10 s behind the watermark).
EXPLAIN STATE w4;
> contains state: 1 rows

# Over a table's changelog (ORDER BY a non-time column): a delete updates the rows after it.
CREATE TABLE scores (id INT NOT NULL, team VARCHAR, pts BIGINT, PRIMARY KEY (id));
> ok

CREATE VIEW run_totals AS
SELECT id, team, SUM(pts) OVER (PARTITION BY team ORDER BY id) AS run,
  COUNT(pts) OVER (PARTITION BY team ORDER BY pts RANGE BETWEEN 5 PRECEDING AND CURRENT ROW) AS near
FROM scores;
> ok

INSERT INTO scores VALUES (1, 'x', 10), (2, 'x', 12), (3, 'x', 30), (4, 'y', 5), (5, 'x', 14);
> 5 rows affected

SELECT * FROM run_totals;
id | team | run | near
1  | x    | 10  | 1
2  | x    | 22  | 2
3  | x    | 52  | 1
4  | y    | 5   | 1
5  | x    | 66  | 3

DELETE FROM scores WHERE id = 2;
> 1 row affected

SELECT * FROM run_totals;
id | team | run | near
1  | x    | 10  | 1
3  | x    | 40  | 1
4  | y    | 5   | 1
5  | x    | 54  | 2

EXPLAIN STATE run_totals;
> contains OverAggregate
> contains unbounded: every input row of every partition

# Frames that end after the current row are not supported yet.
SELECT SUM(v) OVER (ORDER BY ts ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS s FROM r;
> error UNSUPPORTED 0A000
