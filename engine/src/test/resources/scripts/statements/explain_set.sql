# EXPLAIN of a query and of a view, and SET. The plan text is not fixed by the design yet:
# checked with `> contains`.

CREATE STREAM bids (auction BIGINT, price BIGINT);
> ok

CREATE VIEW hot AS SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction;
> ok

EXPLAIN SELECT auction FROM bids WHERE price > 10;
> contains bids

EXPLAIN PLAN SELECT auction, SUM(price) AS s FROM bids GROUP BY auction;
> contains bids

EXPLAIN hot;
> contains bids

EXPLAIN SELECT nope FROM bids;
> error NOT_FOUND 42S02: nope

SET log.fsync = 'batch';
> ok

SET no_such_setting = 'x';
> error CONFIG HY000: no_such_setting

# SET changed no data.
INSERT INTO bids VALUES (1, 5);
> 1 row affected

SELECT * FROM hot;
auction | n
1       | 1
