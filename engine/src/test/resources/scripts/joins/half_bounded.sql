# Half-bounded interval joins: the ON condition bounds the distance between the event times from
# one side only (s.ts >= o.ts: a shipment is never before its order). A later order can then never
# match a shipment older than the watermark, so shipments are freed; an order may still match any
# later shipment, so orders are kept. EXPLAIN STATE says which side is freed. Rows behind the
# watermark are late on both sides (dropped, counted), and only the freed side's time column is
# event time downstream (the join's output watermark bounds it), so windows over it close.

CREATE STREAM orders (id BIGINT, ts TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND);
> ok

CREATE STREAM shipments (order_id BIGINT, ts TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND);
> ok

CREATE VIEW shipped AS
SELECT o.id, o.ts AS ordered, s.ts AS shipped
FROM orders o JOIN shipments s ON o.id = s.order_id AND s.ts >= o.ts;
> ok

CREATE VIEW shipped_per_10s AS
SELECT window_start, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE shipped, DESCRIPTOR(shipped), INTERVAL '10' SECOND))
GROUP BY window_start, window_end EMIT ON WINDOW CLOSE;
> ok

EXPLAIN STATE shipped;
> contains half bounded: right rows are freed by the watermark once no later left row can match them; left rows are kept
> contains [0, +inf) ms

INSERT INTO orders VALUES (1, TIMESTAMP '2024-01-01 00:00:01'), (2, TIMESTAMP '2024-01-01 00:00:02');
> 2 rows affected

# A shipment before its order does not match.
INSERT INTO shipments VALUES (1, TIMESTAMP '2024-01-01 00:00:05'), (2, TIMESTAMP '2024-01-01 00:00:01');
> 2 rows affected

SELECT * FROM shipped;
id | ordered                 | shipped
1  | 2024-01-01 00:00:01.000 | 2024-01-01 00:00:05.000

# Both watermarks move to 28 s: the shipments at 1 s and 5 s are freed (no later order can be at or
# before them); orders 1 and 2 stay.
INSERT INTO orders VALUES (3, TIMESTAMP '2024-01-01 00:00:30');
> 1 row affected

INSERT INTO shipments VALUES (9, TIMESTAMP '2024-01-01 00:00:30');
> 1 row affected

# (EXPLAIN STATE does not wait for the query to catch up; a SELECT does.)
SELECT COUNT(*) AS n FROM shipped;
n
1

EXPLAIN STATE shipped;
> contains state: 4 rows

# The join's output watermark is 28 s: the window [0 s, 10 s) of shipment times has closed.
SELECT * FROM shipped_per_10s;
window_start            | n
2024-01-01 00:00:00.000 | 1

# Order 1 is still there: a second shipment for it a minute later matches.
INSERT INTO shipments VALUES (1, TIMESTAMP '2024-01-01 00:01:01');
> 1 row affected

SELECT * FROM shipped ORDER BY shipped;
id | ordered                 | shipped
1  | 2024-01-01 00:00:01.000 | 2024-01-01 00:00:05.000
1  | 2024-01-01 00:00:01.000 | 2024-01-01 00:01:01.000

# An order behind the watermark is late: dropped and counted.
INSERT INTO orders VALUES (4, TIMESTAMP '2024-01-01 00:00:10');
> 1 row affected

SELECT COUNT(*) AS n FROM shipped;
n
2

EXPLAIN STATE shipped;
> contains late rows: 1
