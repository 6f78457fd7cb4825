# Date and time functions, as a view and as a snapshot SELECT. CURRENT_DATE and friends are
# refused in views (their value depends on when a row is processed) and allowed in snapshots.

CREATE STREAM e (id INT NOT NULL, ts TIMESTAMP(3), d DATE);
> ok

CREATE VIEW parts AS
SELECT id,
  EXTRACT(YEAR FROM ts) AS y,
  EXTRACT(HOUR FROM ts) AS h,
  EXTRACT(MINUTE FROM ts) AS mi,
  EXTRACT(MONTH FROM d) AS mo,
  EXTRACT(DAY FROM d) AS dy,
  CAST(ts AS DATE) AS dt
FROM e;
> ok

CREATE VIEW moved AS
SELECT id,
  FLOOR(ts TO HOUR) AS hr,
  FLOOR(ts TO DAY) AS dy,
  TIMESTAMPADD(MINUTE, 30, ts) AS plus30,
  TIMESTAMPDIFF(DAY, ts, TIMESTAMP '2024-04-01 00:00:00') AS days_left,
  ts + INTERVAL '1' DAY AS tomorrow,
  d + INTERVAL '1' MONTH AS next_month
FROM e;
> ok

INSERT INTO e VALUES
  (1, TIMESTAMP '2024-03-15 13:45:30.250', DATE '2024-03-15'),
  (2, TIMESTAMP '2023-12-31 23:59:59.999', DATE '2024-01-31'),
  (3, NULL, NULL);
> 3 rows affected

SELECT * FROM parts;
id | y    | h    | mi   | mo   | dy   | dt
1  | 2024 | 13   | 45   | 3    | 15   | 2024-03-15
2  | 2023 | 23   | 59   | 1    | 31   | 2023-12-31
3  | null | null | null | null | null | null

SELECT id, EXTRACT(YEAR FROM ts) AS y, EXTRACT(HOUR FROM ts) AS h, EXTRACT(MINUTE FROM ts) AS mi,
  EXTRACT(MONTH FROM d) AS mo, EXTRACT(DAY FROM d) AS dy, CAST(ts AS DATE) AS dt
FROM e;
id | y    | h    | mi   | mo   | dy   | dt
1  | 2024 | 13   | 45   | 3    | 15   | 2024-03-15
2  | 2023 | 23   | 59   | 1    | 31   | 2023-12-31
3  | null | null | null | null | null | null

SELECT * FROM moved;
id | hr                      | dy                      | plus30                  | days_left | tomorrow                | next_month
1  | 2024-03-15 13:00:00.000 | 2024-03-15 00:00:00.000 | 2024-03-15 14:15:30.250 | 16        | 2024-03-16 13:45:30.250 | 2024-04-15
2  | 2023-12-31 23:00:00.000 | 2023-12-31 00:00:00.000 | 2024-01-01 00:29:59.999 | 91        | 2024-01-01 23:59:59.999 | 2024-02-29
3  | null                    | null                    | null                    | null      | null                    | null

SELECT id, FLOOR(ts TO HOUR) AS hr, FLOOR(ts TO DAY) AS dy, TIMESTAMPADD(MINUTE, 30, ts) AS plus30,
  TIMESTAMPDIFF(DAY, ts, TIMESTAMP '2024-04-01 00:00:00') AS days_left, ts + INTERVAL '1' DAY AS tomorrow,
  d + INTERVAL '1' MONTH AS next_month
FROM e;
id | hr                      | dy                      | plus30                  | days_left | tomorrow                | next_month
1  | 2024-03-15 13:00:00.000 | 2024-03-15 00:00:00.000 | 2024-03-15 14:15:30.250 | 16        | 2024-03-16 13:45:30.250 | 2024-04-15
2  | 2023-12-31 23:00:00.000 | 2023-12-31 00:00:00.000 | 2024-01-01 00:29:59.999 | 91        | 2024-01-01 23:59:59.999 | 2024-02-29
3  | null                    | null                    | null                    | null      | null                    | null

SELECT COUNT(*) AS n FROM e WHERE d < CURRENT_DATE AND ts < CURRENT_TIMESTAMP;
n
2

CREATE VIEW recent AS SELECT id FROM e WHERE d > CURRENT_DATE - INTERVAL '7' DAY;
> error VALIDATION 42000: CURRENT_DATE
