# Windowed aggregates: every window family, with every aggregate of the foundation.
# Six bids at seconds 1, 4, 7, 12, 13, 25 of 2024-01-01; prices 10, 20, 5, 7, 30, 1.
# The watermark trails by 5 s and the rows arrive in order, so nothing is late; expected
# results are computed by hand (and agree with DuckDB's time_bucket for the tumbling ones).

CREATE STREAM bids (ts TIMESTAMP(3) NOT NULL, auction BIGINT, price BIGINT, bidder VARCHAR, rate DOUBLE,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND);
> ok

INSERT INTO bids VALUES
  (TIMESTAMP '2024-01-01 00:00:01', 1, 10, 'a', 1.5),
  (TIMESTAMP '2024-01-01 00:00:04', 1, 20, 'b', 2.5),
  (TIMESTAMP '2024-01-01 00:00:07', 2, 5, 'a', 0.5),
  (TIMESTAMP '2024-01-01 00:00:12', 1, 7, null, null),
  (TIMESTAMP '2024-01-01 00:00:13', 2, 30, 'c', 4.0),
  (TIMESTAMP '2024-01-01 00:00:25', 1, 1, 'a', 1.0);
> 6 rows affected

CREATE VIEW tumbling AS
SELECT window_start, window_end, auction, COUNT(*) AS n, COUNT(bidder) AS nb, SUM(price) AS s,
       MIN(price) AS lo, MAX(price) AS hi, AVG(rate) AS r, COUNT(DISTINCT bidder) AS nd,
       COUNT(*) FILTER (WHERE price > 5) AS big
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, auction;
> ok

SELECT * FROM tumbling ORDER BY window_start, auction;
window_start            | window_end              | auction | n | nb | s  | lo | hi | r    | nd | big
2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 1       | 2 | 2  | 30 | 10 | 20 | 2.0  | 2  | 2
2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 2       | 1 | 1  | 5  | 5  | 5  | 0.5  | 1  | 0
2024-01-01 00:00:10.000 | 2024-01-01 00:00:20.000 | 1       | 1 | 0  | 7  | 7  | 7  | null | 0  | 1
2024-01-01 00:00:10.000 | 2024-01-01 00:00:20.000 | 2       | 1 | 1  | 30 | 30 | 30 | 4.0  | 1  | 1
2024-01-01 00:00:20.000 | 2024-01-01 00:00:30.000 | 1       | 1 | 1  | 1  | 1  | 1  | 1.0  | 1  | 0

# The same as a snapshot query straight over the stream.
SELECT window_start, auction, COUNT(*) AS n, SUM(price) AS s
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, auction ORDER BY window_start, auction;
window_start            | auction | n | s
2024-01-01 00:00:00.000 | 1       | 2 | 30
2024-01-01 00:00:00.000 | 2       | 1 | 5
2024-01-01 00:00:10.000 | 1       | 1 | 7
2024-01-01 00:00:10.000 | 2       | 1 | 30
2024-01-01 00:00:20.000 | 1       | 1 | 1

CREATE VIEW hopping AS
SELECT window_start, window_end, COUNT(*) AS n, SUM(price) AS s
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
> ok

SELECT * FROM hopping ORDER BY window_start;
window_start            | window_end              | n | s
2023-12-31 23:59:55.000 | 2024-01-01 00:00:05.000 | 2 | 30
2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 3 | 35
2024-01-01 00:00:05.000 | 2024-01-01 00:00:15.000 | 3 | 42
2024-01-01 00:00:10.000 | 2024-01-01 00:00:20.000 | 2 | 37
2024-01-01 00:00:20.000 | 2024-01-01 00:00:30.000 | 1 | 1
2024-01-01 00:00:25.000 | 2024-01-01 00:00:35.000 | 1 | 1

CREATE VIEW cumulating AS
SELECT window_start, window_end, COUNT(*) AS n, SUM(price) AS s
FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
> ok

SELECT * FROM cumulating ORDER BY window_start, window_end;
window_start            | window_end              | n | s
2024-01-01 00:00:00.000 | 2024-01-01 00:00:05.000 | 2 | 30
2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 3 | 35
2024-01-01 00:00:10.000 | 2024-01-01 00:00:15.000 | 2 | 37
2024-01-01 00:00:10.000 | 2024-01-01 00:00:20.000 | 2 | 37
2024-01-01 00:00:20.000 | 2024-01-01 00:00:30.000 | 1 | 1

# Sessions per auction with a 5 s gap: auction 1 has [1, 9), [12, 17), [25, 30); auction 2 has
# [7, 12) and [13, 18) (13 is not before 12, so they stay apart).
CREATE VIEW sessions AS
SELECT auction, window_start, window_end, COUNT(*) AS n, SUM(price) AS s
FROM TABLE(SESSION(TABLE bids, DESCRIPTOR(ts), DESCRIPTOR(auction), INTERVAL '5' SECOND))
GROUP BY auction, window_start, window_end;
> ok

SELECT * FROM sessions ORDER BY auction, window_start;
auction | window_start            | window_end              | n | s
1       | 2024-01-01 00:00:01.000 | 2024-01-01 00:00:09.000 | 2 | 30
1       | 2024-01-01 00:00:12.000 | 2024-01-01 00:00:17.000 | 1 | 7
1       | 2024-01-01 00:00:25.000 | 2024-01-01 00:00:30.000 | 1 | 1
2       | 2024-01-01 00:00:07.000 | 2024-01-01 00:00:12.000 | 1 | 5
2       | 2024-01-01 00:00:13.000 | 2024-01-01 00:00:18.000 | 1 | 30

# Calcite's grouped window functions.
CREATE VIEW grouped AS
SELECT TUMBLE_START(ts, INTERVAL '10' SECOND) AS ws, TUMBLE_END(ts, INTERVAL '10' SECOND) AS we,
       COUNT(*) AS n, MAX(price) AS hi
FROM bids GROUP BY TUMBLE(ts, INTERVAL '10' SECOND);
> ok

SELECT * FROM grouped ORDER BY ws;
ws                      | we                      | n | hi
2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 3 | 20
2024-01-01 00:00:10.000 | 2024-01-01 00:00:20.000 | 2 | 30
2024-01-01 00:00:20.000 | 2024-01-01 00:00:30.000 | 1 | 1

SELECT HOP_START(ts, INTERVAL '10' SECOND, INTERVAL '20' SECOND) AS ws, COUNT(*) AS n
FROM bids GROUP BY HOP(ts, INTERVAL '10' SECOND, INTERVAL '20' SECOND) ORDER BY ws;
ws                      | n
2023-12-31 23:59:50.000 | 3
2024-01-01 00:00:00.000 | 5
2024-01-01 00:00:10.000 | 3
2024-01-01 00:00:20.000 | 1

SELECT SESSION_START(ts, INTERVAL '6' SECOND) AS ws, COUNT(*) AS n
FROM bids GROUP BY SESSION(ts, INTERVAL '6' SECOND) ORDER BY ws;
ws                      | n
2024-01-01 00:00:01.000 | 5
2024-01-01 00:00:25.000 | 1

# Closed windows hold no state: the watermark (20 s) closed [0, 10) and [10, 20).
EXPLAIN STATE tumbling;
> contains bounded by the watermark
> contains [state: 1 rows

EXPLAIN STATE grouped;
> contains bounded by the watermark

# A plain GROUP BY grows with its keys, and says so.
CREATE VIEW per_auction AS SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction;
> ok

EXPLAIN STATE per_auction;
> contains unbounded: grows with the distinct keys

# A window on a column that is not the stream's event time never closes (no watermark on it).
CREATE VIEW shifted AS
SELECT window_start, COUNT(*) AS n
FROM TABLE(TUMBLE((SELECT ts + INTERVAL '1' SECOND AS t2, price FROM bids), DESCRIPTOR(t2), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
> ok

EXPLAIN STATE shifted;
> contains unbounded

SELECT * FROM shifted ORDER BY window_start;
window_start            | n
2024-01-01 00:00:00.000 | 3
2024-01-01 00:00:10.000 | 2
2024-01-01 00:00:20.000 | 1
