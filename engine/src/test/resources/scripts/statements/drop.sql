# DROP: dependents block a drop, and the message names them.

CREATE STREAM bids (auction BIGINT, price BIGINT);
> ok

INSERT INTO bids VALUES (1, 10), (2, 20);
> 2 rows affected

CREATE VIEW v1 AS SELECT auction, price FROM bids WHERE price > 10;
> ok

CREATE VIEW v2 AS SELECT COUNT(*) AS n FROM v1;
> ok

DROP STREAM bids;
> error DEPENDENCY 2BP01: v1

DROP VIEW v1;
> error DEPENDENCY 2BP01: v2

# Nothing was dropped by the refused statements.
SELECT * FROM v2;
n
1

DROP VIEW v2;
> ok

SELECT * FROM v2;
> error NOT_FOUND 42S02: v2

DROP VIEW v1;
> ok

DROP STREAM bids;
> ok

SELECT * FROM bids;
> error NOT_FOUND 42S02: bids

DROP VIEW nope;
> error NOT_FOUND 42S02: nope

DROP VIEW IF EXISTS nope;
> ok

# A stream created again under a dropped name starts empty, with its new schema.
CREATE STREAM bids (auction BIGINT, price DOUBLE);
> ok

SELECT * FROM bids;
auction | price

INSERT INTO bids VALUES (3, 1.5);
> 1 row affected

SELECT * FROM bids;
auction | price
3       | 1.5

CREATE TABLE t (k INT NOT NULL, PRIMARY KEY (k));
> ok

DROP TABLE t;
> ok

SELECT * FROM t;
> error NOT_FOUND 42S02: t
