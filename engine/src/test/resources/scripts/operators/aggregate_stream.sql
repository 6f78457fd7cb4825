# GROUP BY and global aggregates over an append-only stream: COUNT(*), COUNT(x),
# COUNT(DISTINCT x), SUM, AVG (over DOUBLE), MIN, MAX, FILTER (WHERE ...), HAVING.

CREATE STREAM sales (region VARCHAR, product VARCHAR, qty INT, price DOUBLE, amount DECIMAL(10, 2));
> ok

CREATE VIEW by_region AS
SELECT region, COUNT(*) AS n, COUNT(product) AS np, COUNT(DISTINCT product) AS dp, SUM(qty) AS q,
       MIN(price) AS lo, MAX(price) AS hi, AVG(price) AS ap, SUM(amount) AS amt
FROM sales GROUP BY region;
> ok

CREATE VIEW totals AS
SELECT COUNT(*) AS n, COUNT(qty) AS nq, SUM(qty) AS q, MIN(qty) AS lo, MAX(qty) AS hi, AVG(price) AS ap
FROM sales;
> ok

# A global aggregate over empty input has one row; a grouped one has none.
SELECT * FROM totals;
n | nq | q    | lo   | hi   | ap
0 | 0  | null | null | null | null

SELECT * FROM by_region;
region | n | np | dp | q | lo | hi | ap | amt

INSERT INTO sales VALUES
  ('east', 'apple', 3, 1.5, 4.50),
  ('east', 'pear', 1, 2.0, 2.00),
  ('east', 'apple', 2, 1.5, 3.00),
  ('west', 'apple', 5, 1.25, 6.25),
  ('west', NULL, NULL, NULL, NULL),
  (NULL, 'fig', 4, 3.0, 12.00);
> 6 rows affected

SELECT * FROM by_region;
region | n | np | dp | q | lo   | hi   | ap                 | amt
east   | 3 | 3  | 2  | 6 | 1.5  | 2.0  | 1.6666666666666667 | 9.50
west   | 2 | 1  | 1  | 5 | 1.25 | 1.25 | 1.25               | 6.25
null   | 1 | 1  | 1  | 4 | 3.0  | 3.0  | 3.0                | 12.00

SELECT * FROM totals;
n | nq | q  | lo | hi | ap
6 | 5  | 15 | 1  | 5  | 1.85

CREATE VIEW filtered AS
SELECT region, COUNT(*) FILTER (WHERE qty > 1) AS big,
       SUM(qty) FILTER (WHERE product = 'apple') AS apples
FROM sales GROUP BY region;
> ok

SELECT * FROM filtered;
region | big | apples
east   | 2   | 5
west   | 1   | 5
null   | 1   | null

CREATE VIEW repeated AS SELECT product, SUM(qty) AS q FROM sales GROUP BY product HAVING COUNT(*) > 1;
> ok

SELECT * FROM repeated;
product | q
apple   | 10

# Later rows update every group they touch.
INSERT INTO sales VALUES ('west', 'pear', 7, 0.5, 3.50), ('north', 'kiwi', 1, 4.0, 4.00);
> 2 rows affected

SELECT * FROM by_region;
region | n | np | dp | q  | lo   | hi   | ap                 | amt
east   | 3 | 3  | 2  | 6  | 1.5  | 2.0  | 1.6666666666666667 | 9.50
west   | 3 | 2  | 2  | 12 | 0.5  | 1.25 | 0.875              | 9.75
null   | 1 | 1  | 1  | 4  | 3.0  | 3.0  | 3.0                | 12.00
north  | 1 | 1  | 1  | 1  | 4.0  | 4.0  | 4.0                | 4.00

SELECT * FROM totals;
n | nq | q  | lo | hi | ap
8 | 7  | 23 | 1  | 7  | 1.9642857142857142

SELECT * FROM filtered;
region | big | apples
east   | 2   | 5
west   | 2   | 5
null   | 1   | null
north  | 0   | null

SELECT * FROM repeated;
product | q
apple   | 10
pear    | 8

# A snapshot query straight over the stream, ordered.
SELECT region, SUM(qty) AS q FROM sales GROUP BY region ORDER BY q DESC;
region | q
west   | 12
east   | 6
null   | 4
north  | 1

# An aggregate over a view of aggregates.
CREATE VIEW big_regions AS SELECT COUNT(*) AS n FROM by_region WHERE q > 5;
> ok

SELECT * FROM big_regions;
n
2

# Grouping by an expression.
SELECT qty > 2 AS many, COUNT(*) AS n FROM sales GROUP BY qty > 2;
many  | n
true  | 4
false | 3
null  | 1
