# COUNTs per auction over hopping windows (slide 4 s, size 10 s) become one HopCount operator:
# each bid is counted once, into its 2 s pane (the gcd of 4 and 10), and a window's counts are
# the sums of its five panes. Windows start every 4 s: a bid at 1 s is in [-8, 2), [-4, 6) and
# [0, 10). The results are what the window operator and the aggregate give (windows/aggregates.sql).

CREATE STREAM bids (ts TIMESTAMP(3), auction BIGINT, bidder BIGINT,
  WATERMARK FOR ts AS ts - INTERVAL '3' SECOND);
> ok

CREATE VIEW hot AS
SELECT auction, window_start, window_end, COUNT(*) AS n, COUNT(bidder) AS bidders
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '4' SECOND, INTERVAL '10' SECOND))
GROUP BY auction, window_start, window_end;
> ok

EXPLAIN SELECT auction, window_start, window_end, COUNT(*) AS n, COUNT(bidder) AS bidders
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '4' SECOND, INTERVAL '10' SECOND))
GROUP BY auction, window_start, window_end;
> contains HopCount(HOP(slide=4000, size=10000), time=$0, keys=[1], window_start, window_end, panes of 2000 ms, 2 COUNTs)

# A SUM needs the window operator and the aggregate.
EXPLAIN SELECT auction, window_start, COUNT(*) AS n, SUM(bidder) AS s
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '4' SECOND, INTERVAL '10' SECOND))
GROUP BY auction, window_start, window_end;
> contains WindowAssign(HOP(slide=4000, size=10000), time=$0, event time)

# A slide longer than the size leaves gaps that no window covers: the two operators too.
EXPLAIN SELECT auction, window_start, COUNT(*) AS n
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '4' SECOND))
GROUP BY auction, window_start, window_end;
> contains WindowAssign(HOP(slide=10000, size=4000), time=$0, event time)

# Panes of 1 s (the gcd of 7 and 10) are seven to a slide, more than panes pay for: the two
# operators too.
EXPLAIN SELECT auction, window_start, COUNT(*) AS n
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '7' SECOND, INTERVAL '10' SECOND))
GROUP BY auction, window_start, window_end;
> contains WindowAssign(HOP(slide=7000, size=10000), time=$0, event time)

INSERT INTO bids VALUES
  (TIMESTAMP '2024-01-01 00:00:01', 1, 100),
  (TIMESTAMP '2024-01-01 00:00:02', 1, null),
  (TIMESTAMP '2024-01-01 00:00:03', 2, 200);
> 3 rows affected

SELECT * FROM hot ORDER BY auction, window_start;
auction | window_start            | window_end              | n | bidders
1       | 2023-12-31 23:59:52.000 | 2024-01-01 00:00:02.000 | 1 | 1
1       | 2023-12-31 23:59:56.000 | 2024-01-01 00:00:06.000 | 2 | 1
1       | 2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 2 | 1
2       | 2023-12-31 23:59:56.000 | 2024-01-01 00:00:06.000 | 1 | 1
2       | 2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 1 | 1

SUBSCRIBE TO hot;
_diff | auction | window_start            | window_end              | n | bidders
+1    | 1       | 2023-12-31 23:59:52.000 | 2024-01-01 00:00:02.000 | 1 | 1
+1    | 1       | 2023-12-31 23:59:56.000 | 2024-01-01 00:00:06.000 | 2 | 1
+1    | 1       | 2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 2 | 1
+1    | 2       | 2023-12-31 23:59:56.000 | 2024-01-01 00:00:06.000 | 1 | 1
+1    | 2       | 2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 1 | 1

# A bid at 9 s is in [0, 10), [4, 14) and [8, 18); the watermark moves to 6 s, closing [-8, 2)
# and [-4, 6).
INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:09', 1, 101);
> 1 row affected

> changes
_diff | auction | window_start            | window_end              | n | bidders
-1    | 1       | 2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 2 | 1
+1    | 1       | 2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 3 | 2
+1    | 1       | 2024-01-01 00:00:04.000 | 2024-01-01 00:00:14.000 | 1 | 1
+1    | 1       | 2024-01-01 00:00:08.000 | 2024-01-01 00:00:18.000 | 1 | 1

# A bid at 5 s is late for the closed [-4, 6) and counted in [0, 10) and [4, 14); one at
# 23:59:59 is late for both of its windows and counted nowhere.
INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:05', 2, 300), (TIMESTAMP '2023-12-31 23:59:59', 2, 400);
> 2 rows affected

> changes
_diff | auction | window_start            | window_end              | n | bidders
-1    | 2       | 2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 1 | 1
+1    | 2       | 2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 2 | 2
+1    | 2       | 2024-01-01 00:00:04.000 | 2024-01-01 00:00:14.000 | 1 | 1

EXPLAIN STATE hot;
> contains late rows: 2

# Far ahead: the watermark moves to 27 s and closes every window above; the closed windows' rows
# stay in the view (EMIT CHANGES).
INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:30', 3, null);
> 1 row affected

> changes
_diff | auction | window_start            | window_end              | n | bidders
+1    | 3       | 2024-01-01 00:00:24.000 | 2024-01-01 00:00:34.000 | 1 | 0
+1    | 3       | 2024-01-01 00:00:28.000 | 2024-01-01 00:00:38.000 | 1 | 0

SELECT * FROM hot ORDER BY auction, window_start;
auction | window_start            | window_end              | n | bidders
1       | 2023-12-31 23:59:52.000 | 2024-01-01 00:00:02.000 | 1 | 1
1       | 2023-12-31 23:59:56.000 | 2024-01-01 00:00:06.000 | 2 | 1
1       | 2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 3 | 2
1       | 2024-01-01 00:00:04.000 | 2024-01-01 00:00:14.000 | 1 | 1
1       | 2024-01-01 00:00:08.000 | 2024-01-01 00:00:18.000 | 1 | 1
2       | 2023-12-31 23:59:56.000 | 2024-01-01 00:00:06.000 | 1 | 1
2       | 2024-01-01 00:00:00.000 | 2024-01-01 00:00:10.000 | 2 | 2
2       | 2024-01-01 00:00:04.000 | 2024-01-01 00:00:14.000 | 1 | 1
3       | 2024-01-01 00:00:24.000 | 2024-01-01 00:00:34.000 | 1 | 0
3       | 2024-01-01 00:00:28.000 | 2024-01-01 00:00:38.000 | 1 | 0
