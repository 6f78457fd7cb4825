# A stream joined with a table, and sub-queries (IN, EXISTS, NOT EXISTS, scalar) that Calcite
# decorrelates into joins.

CREATE STREAM bids (auction BIGINT, price BIGINT);
> ok

CREATE TABLE auctions (id BIGINT NOT NULL, seller VARCHAR, reserve BIGINT, PRIMARY KEY (id));
> ok

CREATE VIEW named AS SELECT b.auction, a.seller, b.price FROM bids b JOIN auctions a ON b.auction = a.id;
> ok

CREATE VIEW with_bids AS SELECT id, seller FROM auctions WHERE id IN (SELECT auction FROM bids);
> ok

CREATE VIEW no_good_bid AS
SELECT id FROM auctions a
WHERE NOT EXISTS (SELECT 1 FROM bids b WHERE b.auction = a.id AND b.price >= a.reserve);
> ok

CREATE VIEW best AS SELECT id, (SELECT MAX(price) FROM bids b WHERE b.auction = a.id) AS top FROM auctions a;
> ok

CREATE VIEW above_avg AS
SELECT auction, price FROM bids WHERE price > (SELECT AVG(CAST(price AS DOUBLE)) FROM bids);
> ok

INSERT INTO auctions VALUES (1, 'ann', 100), (2, 'bob', 50), (3, 'cy', 10);
> 3 rows affected

INSERT INTO bids VALUES (1, 80), (1, 120), (2, 40), (4, 5);
> 4 rows affected

SELECT * FROM named;
auction | seller | price
1       | ann    | 80
1       | ann    | 120
2       | bob    | 40

SELECT * FROM with_bids;
id | seller
1  | ann
2  | bob

SELECT * FROM no_good_bid;
id
2
3

SELECT * FROM best;
id | top
1  | 120
2  | 40
3  | null

SELECT * FROM above_avg;
auction | price
1       | 80
1       | 120

# Table changes re-join the stream's rows that came before them.
INSERT INTO auctions VALUES (2, 'bo', 30);
> 1 row affected

DELETE FROM auctions WHERE id = 1;
> 1 row affected

INSERT INTO auctions VALUES (4, 'dee', 1);
> 1 row affected

SELECT * FROM named;
auction | seller | price
2       | bo     | 40
4       | dee    | 5

SELECT * FROM with_bids;
id | seller
2  | bo
4  | dee

SELECT * FROM no_good_bid;
id
3

SELECT * FROM best;
id | top
2  | 40
3  | null
4  | 5

INSERT INTO bids VALUES (3, 1000);
> 1 row affected

SELECT * FROM above_avg;
auction | price
3       | 1000

SELECT * FROM no_good_bid;
id
