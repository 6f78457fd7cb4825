# Window joins: both inputs windowed on event time and joined on window_start and window_end
# (plus keys). A window's rows are freed once the watermark closes it.

CREATE STREAM clicks (user_id BIGINT, ts TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
> ok

CREATE STREAM views (user_id BIGINT, ts TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
> ok

# Joined aggregates per window (as in Nexmark q8).
CREATE VIEW per_window AS
SELECT c.user_id, c.window_start, c.n AS clicks, v.n AS views
FROM (SELECT user_id, window_start, window_end, COUNT(*) AS n
      FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
      GROUP BY user_id, window_start, window_end) c
JOIN (SELECT user_id, window_start, window_end, COUNT(*) AS n
      FROM TABLE(TUMBLE(TABLE views, DESCRIPTOR(ts), INTERVAL '10' SECOND))
      GROUP BY user_id, window_start, window_end) v
  ON c.user_id = v.user_id AND c.window_start = v.window_start AND c.window_end = v.window_end;
> ok

# Joined window TVF rows directly.
CREATE VIEW pairs AS
SELECT c.user_id, c.ts AS clicked, v.ts AS viewed
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND)) c
JOIN TABLE(TUMBLE(TABLE views, DESCRIPTOR(ts), INTERVAL '10' SECOND)) v
  ON c.user_id = v.user_id AND c.window_start = v.window_start AND c.window_end = v.window_end;
> ok

EXPLAIN STATE per_window;
> contains bounded by the watermark

EXPLAIN STATE pairs;
> contains bounded by the watermark

INSERT INTO clicks VALUES (1, TIMESTAMP '2024-01-01 00:00:01'), (1, TIMESTAMP '2024-01-01 00:00:02'),
  (2, TIMESTAMP '2024-01-01 00:00:03'), (1, TIMESTAMP '2024-01-01 00:00:12');
> 4 rows affected

INSERT INTO views VALUES (1, TIMESTAMP '2024-01-01 00:00:05'), (2, TIMESTAMP '2024-01-01 00:00:15'),
  (1, TIMESTAMP '2024-01-01 00:00:11');
> 3 rows affected

SELECT * FROM per_window ORDER BY window_start, user_id;
user_id | window_start            | clicks | views
1       | 2024-01-01 00:00:00.000 | 2      | 1
1       | 2024-01-01 00:00:10.000 | 1      | 1

SELECT * FROM pairs ORDER BY clicked;
user_id | clicked                 | viewed
1       | 2024-01-01 00:00:01.000 | 2024-01-01 00:00:05.000
1       | 2024-01-01 00:00:02.000 | 2024-01-01 00:00:05.000
1       | 2024-01-01 00:00:12.000 | 2024-01-01 00:00:11.000

# Both watermarks pass 20 s: windows [0, 10) and [10, 20) close and their rows are freed.
INSERT INTO clicks VALUES (2, TIMESTAMP '2024-01-01 00:00:25');
> 1 row affected

INSERT INTO views VALUES (2, TIMESTAMP '2024-01-01 00:00:26');
> 1 row affected

SELECT * FROM pairs ORDER BY clicked;
user_id | clicked                 | viewed
1       | 2024-01-01 00:00:01.000 | 2024-01-01 00:00:05.000
1       | 2024-01-01 00:00:02.000 | 2024-01-01 00:00:05.000
1       | 2024-01-01 00:00:12.000 | 2024-01-01 00:00:11.000
2       | 2024-01-01 00:00:25.000 | 2024-01-01 00:00:26.000

EXPLAIN STATE pairs;
> contains state: 2 rows

SELECT * FROM per_window ORDER BY window_start, user_id;
user_id | window_start            | clicks | views
1       | 2024-01-01 00:00:00.000 | 2      | 1
1       | 2024-01-01 00:00:10.000 | 1      | 1
2       | 2024-01-01 00:00:20.000 | 1      | 1
