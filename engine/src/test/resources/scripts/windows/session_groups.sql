# GROUP BY k, SESSION(ts, gap): sessions are per value of the other group keys (as in Flink), kept
# as one fused operator whose state is freed once the watermark passes a session's end.

CREATE STREAM bids (ts TIMESTAMP(3) NOT NULL, bidder BIGINT, price BIGINT,
  WATERMARK FOR ts AS ts - INTERVAL '10' SECOND);
> ok

CREATE VIEW sessions AS
SELECT bidder, COUNT(*) AS n, MAX(price) AS top, SESSION_START(ts, INTERVAL '10' SECOND) AS s
FROM bids WHERE price > 0 GROUP BY bidder, SESSION(ts, INTERVAL '10' SECOND);
> ok

CREATE VIEW closed AS
SELECT bidder, COUNT(*) AS n, SUM(price) AS total, SESSION_START(ts, INTERVAL '10' SECOND) AS s
FROM bids GROUP BY bidder, SESSION(ts, INTERVAL '10' SECOND)
EMIT ON WINDOW CLOSE;
> ok

# Bidder 1 at 0 s and 5 s, bidder 2 at 3 s and 12 s: two sessions, not one spanning both bidders.
INSERT INTO bids VALUES
  (TIMESTAMP '2024-01-01 00:00:00', 1, 10),
  (TIMESTAMP '2024-01-01 00:00:03', 2, 20),
  (TIMESTAMP '2024-01-01 00:00:05', 1, 30),
  (TIMESTAMP '2024-01-01 00:00:12', 2, 40),
  (TIMESTAMP '2024-01-01 00:00:14', 2, 0);
> 5 rows affected

SELECT * FROM sessions ORDER BY bidder, s;
bidder | n | top | s
1      | 2 | 30  | 2024-01-01 00:00:00.000
2      | 2 | 40  | 2024-01-01 00:00:03.000

SELECT * FROM closed;
bidder | n | total | s

# 40 s and 55 s are two sessions until 48 s bridges them; 55 s moves the watermark to 45 s, which
# closes the first sessions of both bidders.
INSERT INTO bids VALUES
  (TIMESTAMP '2024-01-01 00:00:40', 1, 1),
  (TIMESTAMP '2024-01-01 00:00:55', 1, 2);
> 2 rows affected

SELECT * FROM sessions ORDER BY bidder, s;
bidder | n | top | s
1      | 2 | 30  | 2024-01-01 00:00:00.000
1      | 1 | 1   | 2024-01-01 00:00:40.000
1      | 1 | 2   | 2024-01-01 00:00:55.000
2      | 2 | 40  | 2024-01-01 00:00:03.000

INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:48', 1, 3);
> 1 row affected

SELECT * FROM sessions ORDER BY bidder, s;
bidder | n | top | s
1      | 2 | 30  | 2024-01-01 00:00:00.000
1      | 3 | 3   | 2024-01-01 00:00:40.000
2      | 2 | 40  | 2024-01-01 00:00:03.000

SELECT * FROM closed ORDER BY bidder, s;
bidder | n | total | s
1      | 2 | 40    | 2024-01-01 00:00:00.000
2      | 3 | 60    | 2024-01-01 00:00:03.000

EXPLAIN STATE sessions;
> contains SessionAggregate(gap=10000
> contains [state: 1 rows
> contains a session and its aggregates are freed when it ends

# A row for a closed session is late (counted, dropped).
INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:04', 1, 100), (TIMESTAMP '2024-01-01 00:01:30', 3, 5);
> 2 rows affected

SELECT * FROM closed ORDER BY bidder, s;
bidder | n | total | s
1      | 2 | 40    | 2024-01-01 00:00:00.000
1      | 3 | 6     | 2024-01-01 00:00:40.000
2      | 3 | 60    | 2024-01-01 00:00:03.000

EXPLAIN STATE closed;
> contains late rows: 1
