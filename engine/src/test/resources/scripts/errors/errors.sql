# User errors: a code, a reason that says what was wrong, and a position.

CREATE STREAM bids (auction BIGINT, price BIGINT, bidder VARCHAR);
> ok

SELECT prize FROM bids;
> error NOT_FOUND 42S02: did you mean 'price'?
> at line 1, column 8

SELECT * FROM bidz;
> error NOT_FOUND 42S02: bidz
> at line 1, column 15

# Positions count lines and columns of the whole statement.
SELECT auction,
FROM bids;
> error SYNTAX 42000
> at line 2, column 1

CREATE VIEW bad AS SELECT prize FROM bids;
> error NOT_FOUND 42S02: did you mean 'price'?
> at line 1, column 27

# The failed CREATE VIEW created nothing.
SELECT * FROM bad;
> error NOT_FOUND 42S02: bad

CREATE STREAM x (a BIGINT;
> error SYNTAX 42000

SELEC auction FROM bids;
> error SYNTAX 42000
> at line 1, column 1

# Type errors.
SELECT auction FROM bids WHERE bidder;
> error VALIDATION 42000

SELECT auction FROM bids WHERE price = TRUE;
> error VALIDATION 42000

SELECT SUM(bidder) AS s FROM bids;
> error VALIDATION 42000

SELECT auction, price FROM bids GROUP BY auction;
> error VALIDATION 42000
> at line 1, column 17

SELECT FOO(price) FROM bids;
> error NOT_FOUND 42S02: FOO

# DELETE is for tables only.
DELETE FROM bids WHERE auction = 1;
> error VALIDATION 42000: bids

CREATE STREAM bids (a INT);
> error ALREADY_EXISTS 42S01: bids

# After all these errors the session still works.
INSERT INTO bids VALUES (1, 2, 'x');
> 1 row affected

SELECT * FROM bids;
auction | price | bidder
1       | 2     | x
