# CREATE STREAM ... AS: a standing query whose (insert-only) result is appended to a new stream.
CREATE STREAM bids (auction BIGINT, price BIGINT, bidder VARCHAR);
> ok

INSERT INTO bids VALUES (1, 10, 'ann'), (2, 250, 'bob');
> 2 rows affected

# Backfills from the source's log, then follows it.
CREATE STREAM big_bids AS SELECT auction, price * 2 AS doubled, UPPER(bidder) AS who FROM bids WHERE price > 100;
> ok

INSERT INTO bids VALUES (3, 500, 'cy'), (4, 50, 'dee');
> 2 rows affected

SELECT * FROM big_bids ORDER BY auction;
auction | doubled | who
2       | 500     | BOB
3       | 1000    | CY

# Views over a derived stream follow it too.
CREATE VIEW n_big AS SELECT COUNT(*) AS n FROM big_bids;
> ok

INSERT INTO bids VALUES (5, 101, 'eve');
> 1 row affected

SELECT * FROM n_big;
n
3

# A stream only grows: aggregates belong in views.
CREATE STREAM totals AS SELECT auction, SUM(price) AS s FROM bids GROUP BY auction;
> error VALIDATION 42000: would need to retract rows

INSERT INTO big_bids VALUES (9, 9, 'x');
> error VALIDATION 42000: computed from its query

DROP STREAM bids;
> error DEPENDENCY 2BP01: big_bids

DROP VIEW n_big;
> ok

DROP STREAM big_bids;
> ok

DROP STREAM bids;
> ok
