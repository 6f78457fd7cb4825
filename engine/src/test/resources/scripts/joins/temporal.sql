# Event-time temporal join: each order joins the rate of its currency valid at the order's event
# time (the rates row with the greatest time at or before it). The versioned side is a stream with
# a WATERMARK whose rows are versions of their join key. The view equals that definition over the
# accepted rows at every point: a version arriving between an order's old version and the order
# replaces the old pair. Rows behind the watermark are late (dropped, counted); orders below the
# watermark and versions superseded at or before it are freed.

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
> contains versions bounded by the watermark

INSERT INTO rates VALUES ('EUR', 10, TIMESTAMP '2024-01-01 00:00:01'), ('EUR', 12, TIMESTAMP '2024-01-01 00:00:05'),
  ('USD', 1, TIMESTAMP '2024-01-01 00:00:02');
> 3 rows affected

SELECT * FROM priced;
id | price | rate_time

# USD has no rate before 2 s, GBP none at all. (Rows arrive in VALUES order: order 3 at 1 s after
# order 2 at 6 s would be behind the watermark, and late.)
INSERT INTO orders VALUES (3, 'USD', 5, TIMESTAMP '2024-01-01 00:00:01'), (1, 'EUR', 2, TIMESTAMP '2024-01-01 00:00:03'),
  (4, 'GBP', 1, TIMESTAMP '2024-01-01 00:00:04'), (2, 'EUR', 1, TIMESTAMP '2024-01-01 00:00:06');
> 4 rows affected

SELECT * FROM priced ORDER BY id;
id | price | rate_time
1  | 20    | 2024-01-01 00:00:01.000
2  | 12    | 2024-01-01 00:00:05.000

SUBSCRIBE TO priced;
_diff | id | price | rate_time
+1    | 1  | 20    | 2024-01-01 00:00:01.000
+1    | 2  | 12    | 2024-01-01 00:00:05.000

# The watermark is min(5 s, 4 s) = 4 s: a EUR rate at 5.5 s is on time and is the rate of order 2.
INSERT INTO rates VALUES ('EUR', 13, TIMESTAMP '2024-01-01 00:00:05.500');
> 1 row affected

> changes
_diff | id | price | rate_time
-1    | 2  | 12    | 2024-01-01 00:00:05.000
+1    | 2  | 13    | 2024-01-01 00:00:05.500

# Both watermarks reach 19 s: orders before it and the EUR rates before 5.5 s are freed.
INSERT INTO orders VALUES (5, 'EUR', 1, TIMESTAMP '2024-01-01 00:00:20');
> 1 row affected

INSERT INTO rates VALUES ('USD', 3, TIMESTAMP '2024-01-01 00:00:20');
> 1 row affected

SELECT * FROM priced_left ORDER BY id;
id | rate
1  | 10
2  | 13
3  | null
4  | null
5  | 13

EXPLAIN STATE priced;
> contains state: 4 rows

# A EUR rate at 10 s is behind the watermark (19 s): late, dropped and counted; a batch query
# over every row would price order 5 with it.
INSERT INTO rates VALUES ('EUR', 99, TIMESTAMP '2024-01-01 00:00:10');
> 1 row affected

SELECT * FROM priced ORDER BY id;
id | price | rate_time
1  | 20    | 2024-01-01 00:00:01.000
2  | 13    | 2024-01-01 00:00:05.500
5  | 13    | 2024-01-01 00:00:05.500

EXPLAIN STATE priced;
> contains late rows: 1

# A temporal join needs event time on both sides.
CREATE STREAM plain (currency VARCHAR, rate BIGINT, ts TIMESTAMP(3));
> ok

SELECT o.id FROM orders o JOIN plain FOR SYSTEM_TIME AS OF o.ts AS p ON o.currency = p.currency;
> error UNSUPPORTED 0A000: event time on both sides
