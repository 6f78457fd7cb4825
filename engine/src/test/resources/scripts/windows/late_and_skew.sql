# Late rows (their window ended at or before the watermark when they arrived) are dropped from
# those windows, kept in open ones, and counted. A far-future event time does not advance the
# watermark (counted as skewed), so it cannot close every window.

CREATE STREAM bids (ts TIMESTAMP(3) NOT NULL, price BIGINT,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND);
> ok

CREATE VIEW tumbling AS
SELECT window_start, COUNT(*) AS n, SUM(price) AS s
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
> ok

CREATE VIEW hopping AS
SELECT window_start, COUNT(*) AS n, SUM(price) AS s
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
> ok

CREATE VIEW raw AS SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND));
> ok

# In one INSERT: 25 s moves the watermark to 20 s, so the 8 s row after it is late for [0, 10),
# and the 18 s row is late for [10, 20) but on time for [15, 25).
INSERT INTO bids VALUES
  (TIMESTAMP '2024-01-01 00:00:01', 10),
  (TIMESTAMP '2024-01-01 00:00:12', 20),
  (TIMESTAMP '2024-01-01 00:00:25', 30),
  (TIMESTAMP '2024-01-01 00:00:08', 40),
  (TIMESTAMP '2024-01-01 00:00:18', 50),
  (TIMESTAMP '2024-01-01 00:00:22', 60);
> 6 rows affected

SELECT * FROM tumbling ORDER BY window_start;
window_start            | n | s
2024-01-01 00:00:00.000 | 1 | 10
2024-01-01 00:00:10.000 | 1 | 20
2024-01-01 00:00:20.000 | 2 | 90

SELECT * FROM hopping ORDER BY window_start;
window_start            | n | s
2023-12-31 23:59:55.000 | 1 | 10
2024-01-01 00:00:00.000 | 1 | 10
2024-01-01 00:00:05.000 | 1 | 20
2024-01-01 00:00:10.000 | 1 | 20
2024-01-01 00:00:15.000 | 2 | 110
2024-01-01 00:00:20.000 | 2 | 90
2024-01-01 00:00:25.000 | 1 | 30

SELECT price FROM raw ORDER BY price;
price
10
20
30
60

EXPLAIN STATE tumbling;
> contains late rows: 2

EXPLAIN STATE hopping;
> contains late rows: 2

DESCRIBE raw;
> contains late rows: 2

SHOW QUERIES;
> contains late_rows

# A batch query over the same rows sees every row: lateness is a property of arrival.
SELECT window_start, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end ORDER BY window_start;
window_start            | n
2024-01-01 00:00:00.000 | 2
2024-01-01 00:00:10.000 | 2
2024-01-01 00:00:20.000 | 2

# A far-future row is kept in its own window but does not move the watermark.
INSERT INTO bids VALUES (TIMESTAMP '2999-01-01 00:00:00', 1), (TIMESTAMP '2024-01-01 00:00:21', 2);
> 2 rows affected

SELECT * FROM tumbling ORDER BY window_start;
window_start            | n | s
2024-01-01 00:00:00.000 | 1 | 10
2024-01-01 00:00:10.000 | 1 | 20
2024-01-01 00:00:20.000 | 3 | 92
2999-01-01 00:00:00.000 | 1 | 1

EXPLAIN STATE tumbling;
> contains skewed rows: 1
> contains watermark: 2024-01-01T00:00:20Z

# Rows must carry their event time, even where the column is nullable.
CREATE STREAM loose (ts TIMESTAMP(3), price BIGINT, WATERMARK FOR ts AS ts);
> ok

INSERT INTO loose VALUES (null, 1);
> error DATA: WATERMARK

SET watermark.idle_timeout = '1 minute';
> ok

SET watermark.max_future_skew = 'soon';
> error CONFIG: not a duration
