# Interval joins: the ON condition bounds one side's event time by the other's, so the join frees
# each row once the watermark (the minimum over both inputs) shows no later row can match it.
# A row behind the watermark when it arrives is late: dropped and counted, so the view equals the
# batch join over the accepted rows. A LEFT JOIN shows an unmatched row padded with NULLs at once
# and retracts it when a match arrives (incremental == batch at every point); once the row is
# freed its padded row is final.

CREATE STREAM orders (id BIGINT, ts TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND);
> ok

CREATE STREAM shipments (order_id BIGINT, ts TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND);
> ok

CREATE VIEW shipped AS
SELECT o.id, o.ts AS ordered, s.ts AS shipped
FROM orders o JOIN shipments s
  ON o.id = s.order_id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '10' SECOND;
> ok

CREATE VIEW unshipped AS
SELECT o.id, s.ts AS shipped
FROM orders o LEFT JOIN shipments s
  ON o.id = s.order_id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '10' SECOND;
> ok

# The join holds its output watermark back by the bound (here 10 s), so a window over its output
# closes only when no later joined row can fall into it.
CREATE VIEW shipped_per_10s AS
SELECT window_start, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE shipped, DESCRIPTOR(shipped), INTERVAL '10' SECOND))
GROUP BY window_start, window_end EMIT ON WINDOW CLOSE;
> ok

# Without an equi key, bounds written as two comparisons the other way round.
CREATE VIEW nearby AS
SELECT o.id, s.order_id
FROM orders o, shipments s
WHERE o.ts >= s.ts - INTERVAL '3' SECOND AND o.ts <= s.ts;
> ok

EXPLAIN STATE shipped;
> contains bounded by the watermark
> contains [0, 10000] ms

SUBSCRIBE TO unshipped;
_diff | id | shipped

INSERT INTO orders VALUES (1, TIMESTAMP '2024-01-01 00:00:01'), (2, TIMESTAMP '2024-01-01 00:00:02'),
  (3, TIMESTAMP '2024-01-01 00:00:03');
> 3 rows affected

> changes
_diff | id | shipped
+1    | 1  | null
+1    | 2  | null
+1    | 3  | null

# Order 1 ships in time; order 2's shipment comes too late for its 10 s bound.
INSERT INTO shipments VALUES (1, TIMESTAMP '2024-01-01 00:00:05'), (2, TIMESTAMP '2024-01-01 00:00:20');
> 2 rows affected

> changes
_diff | id | shipped
-1    | 1  | null
+1    | 1  | 2024-01-01 00:00:05.000

SELECT * FROM shipped;
id | ordered                 | shipped
1  | 2024-01-01 00:00:01.000 | 2024-01-01 00:00:05.000

SELECT * FROM nearby;
id | order_id
2  | 1
3  | 1

# Orders' watermark moves to 28 s, the join's to min(28 s, 18 s) = 18 s: orders 1-3 (no shipment
# at 18 s or later is within 10 s of them) and the shipment at 5 s are freed.
INSERT INTO orders VALUES (4, TIMESTAMP '2024-01-01 00:00:30');
> 1 row affected

SELECT * FROM unshipped ORDER BY id;
id | shipped
1  | 2024-01-01 00:00:05.000
2  | null
3  | null
4  | null

# The join's watermark is 18 s, its output's 8 s: no window over the output has closed yet.
SELECT * FROM shipped_per_10s;
window_start | n

> changes
_diff | id | shipped
+1    | 4  | null

EXPLAIN STATE shipped;
> contains state: 2 rows

# A shipment at 9 s is behind the watermark (18 s): late, dropped and counted, though order 3
# would have matched it in a batch query over every row.
INSERT INTO shipments VALUES (3, TIMESTAMP '2024-01-01 00:00:09'), (4, TIMESTAMP '2024-01-01 00:00:35');
> 2 rows affected

SELECT * FROM shipped ORDER BY id;
id | ordered                 | shipped
1  | 2024-01-01 00:00:01.000 | 2024-01-01 00:00:05.000
4  | 2024-01-01 00:00:30.000 | 2024-01-01 00:00:35.000

> changes
_diff | id | shipped
-1    | 4  | null
+1    | 4  | 2024-01-01 00:00:35.000

EXPLAIN STATE shipped;
> contains late rows: 1

# The join's watermark is now min(28 s, 33 s) = 28 s, its output's 18 s: [0, 10) has closed.
SELECT * FROM shipped_per_10s;
window_start            | n
2024-01-01 00:00:00.000 | 1

SELECT o.id, s.ts FROM orders o JOIN shipments s
  ON o.id = s.order_id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '10' SECOND ORDER BY o.id;
id | ts
1  | 2024-01-01 00:00:05.000
3  | 2024-01-01 00:00:09.000
4  | 2024-01-01 00:00:35.000
