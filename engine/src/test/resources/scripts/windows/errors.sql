# Window mistakes are reported as errors, never as stack traces.

CREATE STREAM bids (ts TIMESTAMP(3) NOT NULL, auction BIGINT, price BIGINT,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
> ok

CREATE TABLE prices (auction BIGINT, ts TIMESTAMP(3), PRIMARY KEY (auction));
> ok

SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(auction), INTERVAL '10' SECOND));
> error VALIDATION

SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(nope), INTERVAL '10' SECOND));
> error VALIDATION

SELECT * FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND));
> error VALIDATION

SELECT * FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '3' SECOND, INTERVAL '10' SECOND));
> error VALIDATION: multiple

SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MONTH));
> error UNSUPPORTED: day-time intervals

CREATE VIEW sessions AS SELECT * FROM TABLE(SESSION(TABLE prices, DESCRIPTOR(ts), INTERVAL '10' SECOND));
> error UNSUPPORTED: SESSION windows over rows that can change

# A TUMBLE over a table is fine: its rows have no watermark, so its windows stay open.
CREATE VIEW per_window AS SELECT window_start, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE prices, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end;
> ok

INSERT INTO prices VALUES (1, TIMESTAMP '2024-01-01 00:00:01'), (2, TIMESTAMP '2024-01-01 00:00:02');
> 2 rows affected

INSERT INTO prices VALUES (1, TIMESTAMP '2024-01-01 00:00:15');
> 1 row affected

SELECT * FROM per_window ORDER BY window_start;
window_start            | n
2024-01-01 00:00:00.000 | 1
2024-01-01 00:00:10.000 | 1
