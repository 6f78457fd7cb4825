# Self-joins share one index: both inputs of the join read the same source node through one
# arrangement (EXPLAIN STATE shows it once, with the join that reads it), and every insert and
# retraction on the table reaches both sides in the same step: the pair of a row with itself is
# emitted and retracted exactly once (Δ(A⋈A) = ΔA⋈A + A⋈ΔA + ΔA⋈ΔA).

CREATE TABLE bids (id INT NOT NULL, auction INT, price BIGINT, PRIMARY KEY (id));
> ok

CREATE VIEW pairs AS
SELECT b1.id AS a, b2.id AS b FROM bids b1 JOIN bids b2 ON b1.auction = b2.auction;
> ok

CREATE VIEW outbid AS
SELECT b1.id, COUNT(*) AS higher FROM bids b1 JOIN bids b2 ON b1.auction = b2.auction AND b2.price > b1.price
GROUP BY b1.id;
> ok

INSERT INTO bids VALUES (1, 10, 100), (2, 10, 200), (3, 20, 50), (4, NULL, 70);
> 4 rows affected

SELECT * FROM pairs;
a | b
1 | 1
1 | 2
2 | 1
2 | 2
3 | 3

SELECT * FROM outbid;
id | higher
1  | 1

EXPLAIN STATE pairs;
> contains Join(INNER, $1 = $1, both inputs read one shared arrangement)
> contains Arrange(keys=[$1], shared by 2 join inputs) [state: 3 rows
> contains (shared, shown above)

SUBSCRIBE TO pairs;
_diff | a | b
+1    | 1 | 1
+1    | 1 | 2
+1    | 2 | 1
+1    | 2 | 2
+1    | 3 | 3

# Moving bid 2 to auction 20 retracts its pairs in 10 and pairs it with bid 3 (its pair with
# itself is retracted and re-emitted in the same step, so a subscriber sees no change for it).
INSERT INTO bids VALUES (2, 20, 200);
> 1 row affected

> changes
_diff | a | b
-1    | 1 | 2
-1    | 2 | 1
+1    | 2 | 3
+1    | 3 | 2

DELETE FROM bids WHERE id = 3;
> 1 row affected

> changes
_diff | a | b
-1    | 2 | 3
-1    | 3 | 2
-1    | 3 | 3

SELECT * FROM pairs;
a | b
1 | 1
2 | 2

SELECT * FROM outbid;
id | higher
