-- Eddy's demo: a Nexmark auction site. DemoFeed appends generated persons, auctions and bids
-- (event time = wall clock) to these streams while the shell runs.
CREATE STREAM person (
  id BIGINT, name VARCHAR, emailAddress VARCHAR, creditCard VARCHAR, city VARCHAR, state VARCHAR,
  `dateTime` TIMESTAMP(3), extra VARCHAR,
  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND);

CREATE STREAM auction (
  id BIGINT, itemName VARCHAR, description VARCHAR, initialBid BIGINT, reserve BIGINT,
  `dateTime` TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra VARCHAR,
  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND);

CREATE STREAM bid (
  auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR,
  `dateTime` TIMESTAMP(3), extra VARCHAR,
  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND);

-- TOP-N: the five auctions with the most bids.
CREATE VIEW top_auctions AS
  SELECT auction, COUNT(*) AS bids, MAX(price) AS top_price
  FROM bid GROUP BY auction
  ORDER BY bids DESC, auction LIMIT 5;

-- A windowed aggregate: bids per 10-second tumbling window of event time.
CREATE VIEW bids_10s AS
  SELECT window_start, window_end, COUNT(*) AS bids, COUNT(DISTINCT auction) AS auctions,
         MAX(price) AS top_price
  FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
  GROUP BY window_start, window_end;

-- A join: each auction with its seller.
CREATE VIEW auction_sellers AS
  SELECT a.id AS auction, a.itemName AS item, p.name AS seller, p.city, p.state
  FROM auction AS a JOIN person AS p ON a.seller = p.id;
