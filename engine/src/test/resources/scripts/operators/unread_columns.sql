# A standing query decodes only the columns of a stream that it reads: the others are skipped in
# the log (EXPLAIN shows what a source reads). Rows that differ only in unread columns are still
# separate rows, and a stream read twice is decoded for both readers.

CREATE STREAM bids (auction BIGINT, bidder BIGINT, price BIGINT, note VARCHAR, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
> ok

CREATE VIEW cheap AS SELECT auction, price FROM bids WHERE price < 100;
> ok

EXPLAIN cheap;
> contains Source(bids, reads [auction, price])

CREATE VIEW per_window AS
SELECT auction, window_start, COUNT(*) AS n
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY auction, window_start, window_end;
> ok

EXPLAIN per_window;
> contains Source(bids, reads [auction, ts])

CREATE VIEW pairs AS
SELECT a.auction, a.price, b.note FROM bids a JOIN bids b ON a.auction = b.auction AND a.bidder <> b.bidder;
> ok

EXPLAIN pairs;
> contains Source(bids, reads [auction, bidder, price, note])

CREATE VIEW everything AS SELECT * FROM bids;
> ok

EXPLAIN everything;
> contains Source(bids)

INSERT INTO bids VALUES
  (1, 10, 50, 'a', TIMESTAMP '2024-01-01 00:00:01'),
  (1, 11, 50, 'b', TIMESTAMP '2024-01-01 00:00:02'),
  (2, 10, 500, 'c', TIMESTAMP '2024-01-01 00:00:07'),
  (1, 12, 70, NULL, TIMESTAMP '2024-01-01 00:00:12');
> 4 rows affected

SELECT * FROM cheap;
auction | price
1       | 50
1       | 50
1       | 70

SELECT * FROM per_window ORDER BY window_start, auction;
auction | window_start            | n
1       | 2023-12-31 23:59:55.000 | 2
1       | 2024-01-01 00:00:00.000 | 2
2       | 2024-01-01 00:00:00.000 | 1
1       | 2024-01-01 00:00:05.000 | 1
2       | 2024-01-01 00:00:05.000 | 1
1       | 2024-01-01 00:00:10.000 | 1

SELECT * FROM pairs;
auction | price | note
1       | 50    | b
1       | 50    | null
1       | 50    | a
1       | 50    | null
1       | 70    | a
1       | 70    | b

SELECT COUNT(*) AS n, COUNT(note) AS notes FROM everything;
n | notes
4 | 3
