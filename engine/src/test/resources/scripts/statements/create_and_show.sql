# CREATE STREAM / TABLE / VIEW, SHOW, DESCRIBE and duplicate names.
# SHOW's layout is not fixed by the design: checked with `> contains`.

CREATE STREAM bids (auction BIGINT NOT NULL, bidder VARCHAR, price DECIMAL(10, 2), ts TIMESTAMP(3));
> ok

CREATE TABLE users (id INT NOT NULL, name VARCHAR, PRIMARY KEY (id));
> ok

CREATE VIEW totals AS SELECT auction, SUM(price) AS total FROM bids GROUP BY auction;
> ok

# A new view over no rows is empty; a new table too.
SELECT * FROM totals;
auction | total

SELECT * FROM users;
id | name

SHOW STREAMS;
> contains bids

SHOW TABLES;
> contains users

SHOW VIEWS;
> contains totals

DESCRIBE bids;
column  | type           | nullable | key
auction | BIGINT         | false    | ''
bidder  | VARCHAR        | true     | ''
price   | DECIMAL(10, 2) | true     | ''
ts      | TIMESTAMP(3)   | true     | ''

DESCRIBE users;
column | type    | nullable | key
id     | INT     | false    | PRI
name   | VARCHAR | true     | ''

DESCRIBE totals;
> contains total

DESCRIBE nothing_here;
> error NOT_FOUND 42S02: nothing_here

# Names are case-insensitive: every kind shares one namespace.
CREATE STREAM BIDS (a INT);
> error ALREADY_EXISTS 42S01: 'bids' already exists

CREATE VIEW users AS SELECT auction FROM bids;
> error ALREADY_EXISTS 42S01: 'users' already exists

CREATE TABLE totals (k INT NOT NULL, PRIMARY KEY (k));
> error ALREADY_EXISTS 42S01: 'totals' already exists

# The failed CREATEs changed nothing.
INSERT INTO bids VALUES (7, 'ann', 12.50, TIMESTAMP '2024-01-01 10:00:00');
> 1 row affected

SELECT * FROM totals;
auction | total
7       | 12.50

# A table needs a primary key.
CREATE TABLE nokey (a INT);
> error CONSTRAINT 23000: needs a PRIMARY KEY

# Retention is a topic setting: whole sealed segments older or larger than it are dropped.
CREATE STREAM recent (a BIGINT) WITH (retention = '7 days, 1 GB');
> ok

CREATE STREAM bad_retention (a BIGINT) WITH (retention = 'a while');
> error CONFIG HY000: cannot read retention
