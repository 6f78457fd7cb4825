# Event-time temporal join: each order joins the rate of its currency valid at the order's event
# time (the rates row with the greatest time at or before it). The versioned side is a stream with
# a WATERMARK whose rows are versions of their join key. As in Flink, the output is insert-only and
# final: an order is emitted once the watermark of both inputs has passed its time, so a version
# arriving late in wall-clock time but on time in event time is still used. Rows behind the
# watermark are late (dropped, counted); emitted orders and versions superseded at or before the
# watermark are freed.

CREATE STREAM orders (id BIGINT, currency VARCHAR, amount BIGINT, ts TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
> ok

CREATE STREAM rates (currency VARCHAR, rate BIGINT, ts TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
> ok

CREATE VIEW priced AS
SELECT o.id, o.amount * r.rate AS price, r.ts AS rate_time
FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;
> ok

CREATE VIEW priced_left AS
SELECT o.id, r.rate
FROM orders o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;
> ok

EXPLAIN STATE priced;
> contains TemporalJoin(INNER
> contains AS OF stream version time
> contains bounded by the watermark

INSERT INTO rates VALUES ('EUR', 10, TIMESTAMP '2024-01-01 00:00:01'), ('EUR', 12, TIMESTAMP '2024-01-01 00:00:05'),
  ('USD', 1, TIMESTAMP '2024-01-01 00:00:02');
> 3 rows affected

SELECT * FROM priced;
id | price | rate_time

# USD has no rate before 2 s, GBP none at all. (Rows arrive in VALUES order: order 3 at 1 s after
# order 2 at 6 s would be behind the watermark, and late.) The watermark is min(5 s, 4 s) = 4 s:
# orders 3 and 1 are final, 4 and 2 wait.
INSERT INTO orders VALUES (3, 'USD', 5, TIMESTAMP '2024-01-01 00:00:01'), (1, 'EUR', 2, TIMESTAMP '2024-01-01 00:00:03'),
  (4, 'GBP', 1, TIMESTAMP '2024-01-01 00:00:04'), (2, 'EUR', 1, TIMESTAMP '2024-01-01 00:00:06');
> 4 rows affected

SELECT * FROM priced ORDER BY id;
id | price | rate_time
1  | 20    | 2024-01-01 00:00:01.000

SUBSCRIBE TO priced;
_diff | id | price | rate_time
+1    | 1  | 20    | 2024-01-01 00:00:01.000

# A EUR rate at 5.5 s is on time (watermark 4 s) and becomes the rate of order 2 (at 6 s).
INSERT INTO rates VALUES ('EUR', 13, TIMESTAMP '2024-01-01 00:00:05.500');
> 1 row affected

# Both watermarks reach 19 s: order 2 is emitted with the 5.5 s rate; order 5 (20 s) waits.
INSERT INTO orders VALUES (5, 'EUR', 1, TIMESTAMP '2024-01-01 00:00:20');
> 1 row affected

INSERT INTO rates VALUES ('USD', 3, TIMESTAMP '2024-01-01 00:00:20');
> 1 row affected

> changes
_diff | id | price | rate_time
+1    | 2  | 13    | 2024-01-01 00:00:05.500

SELECT * FROM priced_left ORDER BY id;
id | rate
1  | 10
2  | 13
3  | null
4  | null

SELECT COUNT(*) AS n FROM priced;
n
2

# Held: order 5, EUR's rate at 5.5 s (valid at the watermark), USD's at 2 s and 20 s.
EXPLAIN STATE priced;
> contains state: 4 rows

# A EUR rate at 10 s is behind the watermark (19 s): late, dropped and counted; a batch query
# over every row would price order 5 with it.
INSERT INTO rates VALUES ('EUR', 99, TIMESTAMP '2024-01-01 00:00:10');
> 1 row affected

SELECT COUNT(*) AS n FROM priced;
n
2

EXPLAIN STATE priced;
> contains late rows: 1

INSERT INTO orders VALUES (6, 'USD', 1, TIMESTAMP '2024-01-01 00:00:30');
> 1 row affected

INSERT INTO rates VALUES ('USD', 4, TIMESTAMP '2024-01-01 00:00:30');
> 1 row affected

SELECT * FROM priced ORDER BY id;
id | price | rate_time
1  | 20    | 2024-01-01 00:00:01.000
2  | 13    | 2024-01-01 00:00:05.500
5  | 13    | 2024-01-01 00:00:05.500

# A one-shot SELECT reads the streams' retained rows as complete input (every row, the late rate
# at 10 s included): the batch answer.
SELECT o.id, r.rate FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency
ORDER BY o.id;
id | rate
1  | 10
2  | 13
5  | 99
6  | 4

# A temporal join needs event time on both sides.
CREATE STREAM plain (currency VARCHAR, rate BIGINT, ts TIMESTAMP(3));
> ok

SELECT o.id FROM orders o JOIN plain FOR SYSTEM_TIME AS OF o.ts AS p ON o.currency = p.currency;
> error UNSUPPORTED 0A000: event time on both sides
