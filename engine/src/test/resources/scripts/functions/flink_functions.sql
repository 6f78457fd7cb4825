# Flink's DATE_FORMAT, REGEXP_EXTRACT and SPLIT_INDEX (used by Nexmark q10, q15-q17, q21, q22),
# with Flink's semantics: strict (NULL in, NULL out), NULL where Flink gives NULL.

CREATE STREAM bid (auction BIGINT, channel VARCHAR, url VARCHAR, ts TIMESTAMP(3), sep VARCHAR, k INT);
> ok

INSERT INTO bid VALUES
  (1, 'Google', 'https://www.nexmark.com/abc/de_f/gh/item.htm?query=1', TIMESTAMP '2023-11-14 22:13:20.123', '/', 3),
  (2, 'channel-7', 'https://www.nexmark.com/x/y/z/item.htm?query=1&channel_id=1879048192', TIMESTAMP '2024-02-29 07:05:09.000', '', 0),
  (3, null, null, TIMESTAMP '1969-12-31 23:59:59.999', null, null);
> 3 rows affected

# DATE_FORMAT takes SimpleDateFormat-style patterns; timestamps have no time zone.
SELECT auction, DATE_FORMAT(ts, 'yyyy-MM-dd') AS d, DATE_FORMAT(ts, 'HH:mm') AS m,
       DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm:ss.SSS') AS full_ts, DATE_FORMAT(ts, '''day'' D') AS doy
FROM bid ORDER BY auction;
auction | d          | m     | full_ts                 | doy
1       | 2023-11-14 | 22:13 | 2023-11-14 22:13:20.123 | day 318
2       | 2024-02-29 | 07:05 | 2024-02-29 07:05:09.000 | day 60
3       | 1969-12-31 | 23:59 | 1969-12-31 23:59:59.999 | day 365

# REGEXP_EXTRACT: group 0 is the whole match (the default); no match, a missing group or a bad
# regex give NULL.
SELECT auction, REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) AS id,
       REGEXP_EXTRACT(url, 'com/([a-z]+)') AS whole, REGEXP_EXTRACT(url, 'com/([a-z]+)', 1) AS g1,
       REGEXP_EXTRACT(url, 'com/([a-z]+)', 2) AS nogroup, REGEXP_EXTRACT(url, '(unclosed', 1) AS bad
FROM bid ORDER BY auction;
auction | id         | whole   | g1   | nogroup | bad
1       | null       | com/abc | abc  | null    | null
2       | 1879048192 | com/x   | x    | null    | null
3       | null       | null    | null | null    | null

# SPLIT_INDEX counts from 0 and keeps empty pieces; out of range or negative gives NULL.
SELECT auction, SPLIT_INDEX(url, '/', 3) AS dir1, SPLIT_INDEX(url, '/', 1) AS empty_piece,
       SPLIT_INDEX(url, '/', 7) AS past_end, SPLIT_INDEX(url, '/', -1) AS negative,
       SPLIT_INDEX(url, sep, k) AS dyn, SPLIT_INDEX('a  b', '', 1) AS ws, SPLIT_INDEX('a  b', '', 2) AS ws2
FROM bid ORDER BY auction;
auction | dir1 | empty_piece | past_end | negative | dyn                                                                 | ws | ws2
1       | abc  | ''          | null     | null     | abc                                                                 | '' | b
2       | x    | ''          | null     | null     | https://www.nexmark.com/x/y/z/item.htm?query=1&channel_id=1879048192 | '' | b
3       | null | null        | null     | null     | null                                                                | '' | b

# In GROUP BY and aggregates, as Nexmark q15-q17 use them.
CREATE VIEW per_day AS
SELECT DATE_FORMAT(ts, 'yyyy-MM-dd') AS `day`, COUNT(*) AS n, MAX(DATE_FORMAT(ts, 'HH:mm')) AS last_minute
FROM bid GROUP BY DATE_FORMAT(ts, 'yyyy-MM-dd');
> ok

SELECT * FROM per_day;
day        | n | last_minute
2023-11-14 | 1 | 22:13
2024-02-29 | 1 | 07:05
1969-12-31 | 1 | 23:59

SELECT DATE_FORMAT(auction, 'yyyy') FROM bid;
> error NOT_FOUND: no function DATE_FORMAT(<NUMERIC>, <CHARACTER>)
