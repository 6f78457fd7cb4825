# A join condition that compares a column of each side (<, <=, >, >=, same ordered type) is tested
# on each stored row of the key before the pair is built and the rest of the condition runs; the
# result is the same, EXPLAIN shows the range. Here: the rows at their item's highest price, as in
# Nexmark q5 (counts at their window's maximum).

CREATE STREAM bids (item BIGINT, price BIGINT, note VARCHAR);
> ok

CREATE VIEW top AS
SELECT b.item, b.price, b.note
FROM bids b JOIN (SELECT item, MAX(price) AS m FROM bids GROUP BY item) x
  ON b.item = x.item AND b.price >= x.m AND b.note <> 'skip';
> ok

EXPLAIN top;
> contains range $1 >= right $1

INSERT INTO bids VALUES (1, 10, 'a'), (1, 30, 'b'), (2, 5, 'c'), (2, NULL, 'd'), (3, NULL, 'e');
> 5 rows affected

SELECT * FROM top ORDER BY item;
item | price | note
1    | 30    | b
2    | 5     | c

SUBSCRIBE TO top;
_diff | item | price | note
+1    | 1    | 30    | b
+1    | 2    | 5     | c

# A new maximum replaces the old row; a tie adds one; the 'skip' row is at the maximum but fails
# the rest of the condition, and item 3's only price is NULL (no maximum, no row).
INSERT INTO bids VALUES (1, 40, 'f'), (2, 5, 'g'), (2, 5, 'skip'), (3, NULL, 'h');
> 4 rows affected

> changes
_diff | item | price | note
-1    | 1    | 30    | b
+1    | 1    | 40    | f
+1    | 2    | 5     | g

# The other direction: rows strictly below a later threshold.
CREATE TABLE limits (item BIGINT, cap BIGINT, PRIMARY KEY (item));
> ok

CREATE VIEW under AS SELECT b.item, b.price FROM limits l JOIN bids b ON b.item = l.item AND l.cap > b.price;
> ok

INSERT INTO limits VALUES (1, 30), (2, 6);
> 2 rows affected

SELECT * FROM under ORDER BY item, price;
item | price
1    | 10
2    | 5
2    | 5
2    | 5

UPDATE limits SET cap = 41 WHERE item = 1;
> 1 row affected

SELECT * FROM under ORDER BY item, price;
item | price
1    | 10
1    | 30
1    | 40
2    | 5
2    | 5
2    | 5
