# EMIT ON WINDOW CLOSE: a window's row appears once, when the watermark passes its end, and is
# never changed; EMIT CHANGES (the default) updates open windows as rows arrive.

CREATE STREAM bids (ts TIMESTAMP(3) NOT NULL, auction BIGINT, price BIGINT,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND);
> ok

CREATE VIEW closed AS
SELECT window_start, window_end, COUNT(*) AS n, SUM(price) AS s
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end
EMIT ON WINDOW CLOSE;
> ok

CREATE VIEW changing AS
SELECT window_start, window_end, COUNT(*) AS n, SUM(price) AS s
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end
EMIT CHANGES;
> ok

SUBSCRIBE TO closed;
_diff | window_start | window_end | n | s

INSERT INTO bids VALUES
  (TIMESTAMP '2024-01-01 00:00:01', 1, 10),
  (TIMESTAMP '2024-01-01 00:00:04', 1, 20),
  (TIMESTAMP '2024-01-01 00:00:12', 2, 7);
> 3 rows affected

# The watermark is 12 - 5 = 7 s: no window has closed yet.
SELECT * FROM closed;
window_start | window_end | n | s

SELECT * FROM changing ORDER BY window_start;
window_start            | window_end              | n | s
2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 2 | 30
2024-01-01 00:00:10.000 | 2024-01-01 00:00:20.000 | 1 | 7

# Within the allowed disorder: 8 s is behind 12 s but its window is still open.
INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:08', 1, 5), (TIMESTAMP '2024-01-01 00:00:16', 1, 3);
> 2 rows affected

# The watermark is now 11 s: [0, 10) closed, with the late-but-allowed row in it.
SELECT * FROM closed;
window_start            | window_end              | n | s
2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 3 | 35

> changes
_diff | window_start            | window_end              | n | s
+1    | 2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 3 | 35

INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:31', 1, 1);
> 1 row affected

> changes
_diff | window_start            | window_end              | n | s
+1    | 2024-01-01 00:00:10.000 | 2024-01-01 00:00:20.000 | 2 | 10

SELECT * FROM closed ORDER BY window_start;
window_start            | window_end              | n | s
2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 3 | 35
2024-01-01 00:00:10.000 | 2024-01-01 00:00:20.000 | 2 | 10

SELECT * FROM changing ORDER BY window_start;
window_start            | window_end              | n | s
2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 3 | 35
2024-01-01 00:00:10.000 | 2024-01-01 00:00:20.000 | 2 | 10
2024-01-01 00:00:30.000 | 2024-01-01 00:00:40.000 | 1 | 1

DESCRIBE closed;
> contains emit on window close

EXPLAIN STATE closed;
> contains emit on close of window key
> contains [state: 1 rows

# Grouped by window_start only, a window closes once start + size has passed.
CREATE VIEW by_start AS
SELECT window_start, MAX(price) AS hi
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '20' SECOND))
GROUP BY window_start
EMIT ON WINDOW CLOSE;
> ok

SELECT * FROM by_start ORDER BY window_start;
window_start            | hi
2023-12-31 23:59:50.000 | 20
2024-01-01 00:00:00.000 | 20

# Without a window there is nothing to close.
CREATE VIEW nope AS SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction EMIT ON WINDOW CLOSE;
> error UNSUPPORTED: EMIT ON WINDOW CLOSE needs

CREATE STREAM plain (ts TIMESTAMP(3), v BIGINT);
> ok

CREATE VIEW nope AS
SELECT window_start, window_end, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE plain, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end
EMIT ON WINDOW CLOSE;
> error UNSUPPORTED: WATERMARK
