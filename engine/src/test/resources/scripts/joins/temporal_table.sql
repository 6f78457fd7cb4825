# Temporal join against a versioned table: a TABLE with a PRIMARY KEY and a WATERMARK is a
# changelog whose upserts and deletes take effect at their rows' event time. Each order joins the
# version of its currency's row valid at the order's time; a DELETE ends the key's validity at the
# table's clock (the largest event time written to the table so far). Output is insert-only and
# emitted once the watermark of both inputs passes the order's time. Changes behind the table's
# watermark are late for the join (dropped, counted), though the table itself still takes them.

CREATE STREAM orders (id BIGINT, currency VARCHAR, amount BIGINT, ts TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
> ok

CREATE TABLE rates (currency VARCHAR, rate BIGINT, ts TIMESTAMP(3) NOT NULL, PRIMARY KEY (currency),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
> ok

SHOW TABLES;
> contains primary key (currency), watermark on ts

CREATE VIEW priced AS
SELECT o.id, o.currency, r.rate, r.ts AS rate_time
FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;
> ok

CREATE VIEW priced_left AS
SELECT o.id, r.rate
FROM orders o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON r.currency = o.currency;
> ok

EXPLAIN STATE priced;
> contains TemporalJoin(INNER
> contains AS OF table version time
> contains bounded by the watermark

INSERT INTO rates VALUES ('EUR', 10, TIMESTAMP '2024-01-01 00:00:01'), ('USD', 1, TIMESTAMP '2024-01-01 00:00:02');
> 2 rows affected

# EUR's second version, from 5 s on; the table holds the latest row per key.
INSERT INTO rates VALUES ('EUR', 12, TIMESTAMP '2024-01-01 00:00:05');
> 1 row affected

SELECT * FROM rates ORDER BY currency;
currency | rate | ts
EUR      | 12   | 2024-01-01 00:00:05.000
USD      | 1    | 2024-01-01 00:00:02.000

# The table's clock is 5 s: USD is valid from 2 s to 5 s.
DELETE FROM rates WHERE currency = 'USD';
> 1 row affected

SELECT * FROM rates;
currency | rate | ts
EUR      | 12   | 2024-01-01 00:00:05.000

# Order 5 (0.5 s) precedes every EUR version. The watermark is min(orders 6 s, rates 4 s) = 4 s:
# orders 5, 1 and 2 are final, 3 and 4 wait.
INSERT INTO orders VALUES (5, 'EUR', 1, TIMESTAMP '2024-01-01 00:00:00.500'), (1, 'EUR', 1, TIMESTAMP '2024-01-01 00:00:03'),
  (2, 'USD', 1, TIMESTAMP '2024-01-01 00:00:03'), (3, 'USD', 1, TIMESTAMP '2024-01-01 00:00:06'),
  (4, 'EUR', 1, TIMESTAMP '2024-01-01 00:00:07');
> 5 rows affected

SELECT * FROM priced ORDER BY id;
id | currency | rate | rate_time
1  | EUR      | 10   | 2024-01-01 00:00:01.000
2  | USD      | 1    | 2024-01-01 00:00:02.000

SUBSCRIBE TO priced_left;
_diff | id | rate
+1    | 1  | 10
+1    | 2  | 1
+1    | 5  | null

# A GBP rate at 10 s moves the rates' watermark to 9 s; an order at 12 s moves the orders' to
# 11 s: the watermark is 9 s. Order 3 (USD at 6 s) finds USD deleted at 5 s; order 4 EUR's 5 s rate.
INSERT INTO rates VALUES ('GBP', 3, TIMESTAMP '2024-01-01 00:00:10');
> 1 row affected

INSERT INTO orders VALUES (6, 'GBP', 1, TIMESTAMP '2024-01-01 00:00:12');
> 1 row affected

> changes
_diff | id | rate
+1    | 3  | null
+1    | 4  | 12

# Re-inserting USD at 11 s makes it valid again from then on; UPDATE gives EUR a version at 11 s.
INSERT INTO rates VALUES ('USD', 2, TIMESTAMP '2024-01-01 00:00:11');
> 1 row affected

UPDATE rates SET rate = 14, ts = TIMESTAMP '2024-01-01 00:00:11' WHERE currency = 'EUR';
> 1 row affected

# EUR at 2 s is behind the table's watermark (10 s): the table takes it (it is an upsert), the join
# drops it as late.
INSERT INTO rates VALUES ('EUR', 99, TIMESTAMP '2024-01-01 00:00:02');
> 1 row affected

SELECT * FROM rates ORDER BY currency;
currency | rate | ts
EUR      | 99   | 2024-01-01 00:00:02.000
GBP      | 3    | 2024-01-01 00:00:10.000
USD      | 2    | 2024-01-01 00:00:11.000

SELECT COUNT(*) AS n FROM priced;
n
3

EXPLAIN STATE priced;
> contains late rows: 1

INSERT INTO orders VALUES (7, 'EUR', 1, TIMESTAMP '2024-01-01 00:00:13'), (8, 'USD', 1, TIMESTAMP '2024-01-01 00:00:13'),
  (9, 'GBP', 1, TIMESTAMP '2024-01-01 00:00:30');
> 3 rows affected

INSERT INTO rates VALUES ('CHF', 1, TIMESTAMP '2024-01-01 00:00:30');
> 1 row affected

> changes
_diff | id | rate
+1    | 6  | 3
+1    | 7  | 14
+1    | 8  | 2

SELECT * FROM priced ORDER BY id;
id | currency | rate | rate_time
1  | EUR      | 10   | 2024-01-01 00:00:01.000
2  | USD      | 1    | 2024-01-01 00:00:02.000
4  | EUR      | 12   | 2024-01-01 00:00:05.000
6  | GBP      | 3    | 2024-01-01 00:00:10.000
7  | EUR      | 14   | 2024-01-01 00:00:11.000
8  | USD      | 2    | 2024-01-01 00:00:11.000

# Held (watermark 29 s): order 9, and per key the version valid at the watermark (EUR, GBP, USD)
# plus CHF's at 30 s.
EXPLAIN STATE priced;
> contains state: 5 rows

# The join key must be the table's primary key, and a table is read AS OF only by views.
SELECT o.id FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.amount = r.rate;
> error UNSUPPORTED 0A000

CREATE VIEW by_rate AS
SELECT o.id FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.amount = r.rate;
> error UNSUPPORTED 0A000: exactly its primary key

# A table without a WATERMARK has no versions in time.
CREATE TABLE plain_rates (currency VARCHAR PRIMARY KEY, rate BIGINT);
> ok

CREATE VIEW bad AS
SELECT o.id FROM orders o JOIN plain_rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;
> error UNSUPPORTED 0A000: event time on both sides

CREATE TABLE t_null (id BIGINT PRIMARY KEY, ts TIMESTAMP(3), WATERMARK FOR ts AS ts);
> ok

INSERT INTO t_null VALUES (1, NULL);
> error DATA 22000: WATERMARK column
