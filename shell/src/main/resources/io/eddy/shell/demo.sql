-- Eddy's demo: auction bids and a view of the hottest auctions.
CREATE STREAM bids (auction BIGINT, price BIGINT, ts TIMESTAMP(3));

INSERT INTO bids VALUES
  (1, 100, TIMESTAMP '2024-01-01 10:00:00'),
  (1, 150, TIMESTAMP '2024-01-01 10:00:05'),
  (2, 80,  TIMESTAMP '2024-01-01 10:00:07'),
  (3, 300, TIMESTAMP '2024-01-01 10:00:09'),
  (2, 95,  TIMESTAMP '2024-01-01 10:00:12');

CREATE VIEW hot AS
  SELECT auction, COUNT(*) AS n, MAX(price) AS top FROM bids GROUP BY auction;
