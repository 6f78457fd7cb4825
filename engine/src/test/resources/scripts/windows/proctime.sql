# PROCTIME(): a processing-time column the engine fills with the wall clock at append. Its values
# are not predictable, so this checks structure only (ProcTimeTest checks values and windows).

CREATE STREAM clicks (url VARCHAR, pt AS PROCTIME(), user_id BIGINT);
> ok

DESCRIBE clicks;
column  | type         | nullable | key
url     | VARCHAR      | true     | ''
pt      | TIMESTAMP(3) | true     | PROCTIME()
user_id | BIGINT       | true     | ''

# Without a column list an INSERT gives the other columns, in declared order.
INSERT INTO clicks VALUES ('/a', 1), ('/b', 2), ('/a', 3);
> 3 rows affected

INSERT INTO clicks (user_id, url) VALUES (4, '/c');
> 1 row affected

SELECT COUNT(*) AS n FROM clicks WHERE pt IS NOT NULL;
n
4

SELECT url, user_id FROM clicks;
url | user_id
/a  | 1
/b  | 2
/a  | 3
/c  | 4

INSERT INTO clicks (url, pt) VALUES ('/d', TIMESTAMP '2024-01-01 00:00:00');
> error VALIDATION 42000: is its PROCTIME() column

# A value for every declared column is one too many.
INSERT INTO clicks VALUES ('/d', TIMESTAMP '2024-01-01 00:00:00', 5);
> error VALIDATION 42000

# Windows on the processing-time column plan (their contents depend on the clock).
CREATE VIEW per_second AS
SELECT window_start, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(pt), INTERVAL '1' SECOND))
GROUP BY window_start, window_end
EMIT ON WINDOW CLOSE;
> ok

CREATE STREAM both_times (ts TIMESTAMP(3) NOT NULL, pt AS PROCTIME(),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
> error VALIDATION 42000: both a WATERMARK and a PROCTIME() column

CREATE STREAM bad_fn (url VARCHAR, pt AS NOW());
> error SYNTAX 42000: can only be PROCTIME()

CREATE TABLE t_pt (id BIGINT PRIMARY KEY, pt AS PROCTIME());
> error SYNTAX 42000: a table has no processing-time attribute
