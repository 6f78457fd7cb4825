# EMIT ... LATE INTO s: every row a view's window operators drop as late is appended to the
# stream s, once per window it missed, with the view's name, the window, its event time and the
# row as JSON. s is created with fixed columns when it does not exist; views can read it.

CREATE STREAM bids (ts TIMESTAMP(3) NOT NULL, auction BIGINT, price BIGINT,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND);
> ok

CREATE VIEW tumbling AS
SELECT window_start, COUNT(*) AS n, SUM(price) AS s
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end
EMIT ON WINDOW CLOSE LATE INTO late_bids;
> ok

DESCRIBE late_bids;
column       | type         | nullable | key
query_name   | VARCHAR      | false    | ''
window_start | TIMESTAMP(3) | false    | ''
window_end   | TIMESTAMP(3) | false    | ''
event_time   | TIMESTAMP(3) | false    | ''
row_json     | VARCHAR      | false    | ''

# A second view shares the late stream; a row late for two hopping windows is written twice.
CREATE VIEW hopping AS
SELECT window_start, COUNT(*) AS n
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end
EMIT CHANGES LATE INTO late_bids;
> ok

CREATE VIEW late_counts AS
SELECT query_name, COUNT(*) AS n, SUM(CAST(JSON_VALUE(row_json, '$.price') AS BIGINT)) AS lost
FROM late_bids GROUP BY query_name;
> ok

# 25 s moves the watermark to 20 s: the 8 s row is late for [0, 10) (and for the hopping [0, 10)
# and [5, 15)), the 18 s row for [10, 20) (on time for the hopping [15, 25)).
INSERT INTO bids VALUES
  (TIMESTAMP '2024-01-01 00:00:01', 1, 10),
  (TIMESTAMP '2024-01-01 00:00:12', 1, 20),
  (TIMESTAMP '2024-01-01 00:00:25', 2, 30),
  (TIMESTAMP '2024-01-01 00:00:08', 2, 40),
  (TIMESTAMP '2024-01-01 00:00:18', 1, 50),
  (TIMESTAMP '2024-01-01 00:00:22', 3, 60);
> 6 rows affected

SELECT * FROM tumbling ORDER BY window_start;
window_start            | n | s
2024-01-01 00:00:00.000 | 1 | 10
2024-01-01 00:00:10.000 | 1 | 20

SELECT query_name, window_start, window_end, event_time, row_json FROM late_bids
WHERE query_name = 'tumbling' ORDER BY event_time;
query_name | window_start            | window_end              | event_time              | row_json
tumbling   | 2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 2024-01-01 00:00:08.000 | {"ts":"2024-01-01 00:00:08.000","auction":2,"price":40}
tumbling   | 2024-01-01 00:00:10.000 | 2024-01-01 00:00:20.000 | 2024-01-01 00:00:18.000 | {"ts":"2024-01-01 00:00:18.000","auction":1,"price":50}

SELECT window_start, window_end, event_time FROM late_bids WHERE query_name = 'hopping';
window_start            | window_end              | event_time
2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 2024-01-01 00:00:08.000
2024-01-01 00:00:05.000 | 2024-01-01 00:00:15.000 | 2024-01-01 00:00:08.000
2024-01-01 00:00:10.000 | 2024-01-01 00:00:20.000 | 2024-01-01 00:00:18.000

SELECT * FROM late_counts ORDER BY query_name;
query_name | n | lost
hopping    | 3 | 130
tumbling   | 2 | 90

# The counters still count each late row once.
EXPLAIN STATE tumbling;
> contains late rows: 2

DESCRIBE hopping;
> contains late rows: 2 (into late_bids)

SHOW QUERIES;
> contains late_rows

SUBSCRIBE TO late_counts;
_diff | query_name | n | lost
+1    | hopping    | 3 | 130
+1    | tumbling   | 2 | 90

INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:03', 4, 7);
> 1 row affected

> changes
_diff | query_name | n | lost
-1    | hopping    | 3 | 130
+1    | hopping    | 5 | 144
-1    | tumbling   | 2 | 90
+1    | tumbling   | 3 | 97

# SESSION windows: a row whose own window [ts, ts + gap) has closed is late for that window.
CREATE VIEW sessions AS
SELECT auction, window_start, window_end, COUNT(*) AS n
FROM TABLE(SESSION(TABLE bids, DESCRIPTOR(ts), DESCRIPTOR(auction), INTERVAL '2' SECOND))
GROUP BY auction, window_start, window_end
EMIT ON WINDOW CLOSE LATE INTO late_sessions;
> ok

SELECT window_start, window_end, event_time, row_json FROM late_sessions ORDER BY event_time;
window_start            | window_end              | event_time              | row_json
2024-01-01 00:00:03.000 | 2024-01-01 00:00:05.000 | 2024-01-01 00:00:03.000 | {"ts":"2024-01-01 00:00:03.000","auction":4,"price":7}
2024-01-01 00:00:08.000 | 2024-01-01 00:00:10.000 | 2024-01-01 00:00:08.000 | {"ts":"2024-01-01 00:00:08.000","auction":2,"price":40}
2024-01-01 00:00:18.000 | 2024-01-01 00:00:20.000 | 2024-01-01 00:00:18.000 | {"ts":"2024-01-01 00:00:18.000","auction":1,"price":50}

# A derived stream of closed windows (EMIT ON WINDOW CLOSE makes it append-only) with its late rows.
CREATE STREAM closed_windows AS
SELECT window_start, window_end, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end
EMIT ON WINDOW CLOSE LATE INTO late_bids;
> ok

SELECT * FROM closed_windows ORDER BY window_start;
window_start            | window_end              | n
2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 1
2024-01-01 00:00:10.000 | 2024-01-01 00:00:20.000 | 1

SELECT * FROM late_counts ORDER BY query_name;
query_name     | n | lost
closed_windows | 3 | 97
hopping        | 5 | 144
tumbling       | 3 | 97

# Errors: the late stream must have the fixed columns, be a plain stream, not be read by the view.
CREATE STREAM other (ts TIMESTAMP(3), x BIGINT);
> ok

CREATE VIEW bad AS SELECT window_start, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end
EMIT CHANGES LATE INTO other;
> error VALIDATION 42000: a late stream has the columns
> at line 3, column 24

CREATE VIEW bad AS SELECT window_start, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end
EMIT CHANGES LATE INTO tumbling;
> error VALIDATION 42000: it is a view

CREATE VIEW bad AS SELECT query_name, COUNT(*) AS n FROM late_bids GROUP BY query_name
EMIT CHANGES LATE INTO late_bids;
> error VALIDATION 42000: reads late_bids

DROP STREAM late_sessions;
> error DEPENDENCY: sessions writes its late rows into it

DROP VIEW sessions;
> ok

DROP STREAM late_sessions;
> ok
