# Every type round-trips through a stream and prints deterministically.

CREATE STREAM ev (id INT, ts TIMESTAMP(3), d DATE, amount DECIMAL(12, 3), ratio DOUBLE, ok BOOLEAN,
                  big BIGINT, label VARCHAR);
> ok

INSERT INTO ev VALUES
  (1, TIMESTAMP '2024-01-01 00:00:00', DATE '2024-01-01', 1234.5, 0.1, TRUE, 9000000000, 'a|b'),
  (2, TIMESTAMP '2024-02-29 23:59:59.999', DATE '2024-02-29', -0.001, 1e-7, FALSE, -9000000000, 'it''s'),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
> 3 rows affected

SELECT * FROM ev ORDER BY id;
id | ts                      | d          | amount   | ratio  | ok    | big         | label
1  | 2024-01-01 00:00:00.000 | 2024-01-01 | 1234.500 | 0.1    | true  | 9000000000  | 'a|b'
2  | 2024-02-29 23:59:59.999 | 2024-02-29 | -0.001   | 1.0E-7 | false | -9000000000 | 'it''s'
3  | null                    | null       | null     | null   | null  | null        | null

CREATE VIEW derived AS
SELECT id, ratio * 3 AS r3, amount * 2 AS a2, ts + INTERVAL '1' HOUR AS later,
       CAST(ts AS DATE) AS on_day, d + INTERVAL '1' DAY AS next_day, EXTRACT(YEAR FROM d) AS y
FROM ev WHERE id < 3;
> ok

SELECT * FROM derived ORDER BY id;
id | r3                  | a2       | later                   | on_day     | next_day   | y
1  | 0.30000000000000004 | 2469.000 | 2024-01-01 01:00:00.000 | 2024-01-01 | 2024-01-02 | 2024
2  | 3.0E-7              | -0.002   | 2024-03-01 00:59:59.999 | 2024-02-29 | 2024-03-01 | 2024

SELECT id FROM ev WHERE ts > TIMESTAMP '2024-02-01 00:00:00';
id
2

SELECT d, COUNT(*) AS n FROM ev GROUP BY d;
d          | n
2024-01-01 | 1
2024-02-29 | 1
null       | 1
