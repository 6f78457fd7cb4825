# Inner joins of two tables with upserts and deletes on both sides: every change on either side
# retracts and re-emits exactly the joined rows it touches. NULL keys never match.

CREATE TABLE customers (id INT NOT NULL, name VARCHAR, tier INT, PRIMARY KEY (id));
> ok

CREATE TABLE orders (oid INT NOT NULL, cust INT, amount BIGINT, PRIMARY KEY (oid));
> ok

CREATE VIEW co AS SELECT o.oid, c.name, o.amount FROM orders o JOIN customers c ON o.cust = c.id;
> ok

# A non-equi residual condition beside the equi key.
CREATE VIEW big AS
SELECT o.oid, c.name FROM orders o JOIN customers c ON o.cust = c.id AND o.amount > c.tier * 100;
> ok

CREATE VIEW per_name AS
SELECT c.name, COUNT(*) AS n, SUM(o.amount) AS total
FROM orders o, customers c WHERE o.cust = c.id GROUP BY c.name;
> ok

INSERT INTO customers VALUES (1, 'ann', 1), (2, 'bob', 2), (3, 'cy', 1);
> 3 rows affected

INSERT INTO orders VALUES (10, 1, 150), (11, 1, 50), (12, 2, 150), (13, 4, 500), (14, NULL, 10);
> 5 rows affected

SELECT * FROM co;
oid | name | amount
10  | ann  | 150
11  | ann  | 50
12  | bob  | 150

SELECT * FROM big;
oid | name
10  | ann

SUBSCRIBE TO co;
_diff | oid | name | amount
+1    | 10  | ann  | 150
+1    | 11  | ann  | 50
+1    | 12  | bob  | 150

# Renaming a customer retracts and re-emits each of its joined rows.
INSERT INTO customers VALUES (1, 'anne', 1);
> 1 row affected

> changes
_diff | oid | name | amount
-1    | 10  | ann  | 150
-1    | 11  | ann  | 50
+1    | 10  | anne | 150
+1    | 11  | anne | 50

# Order 13 finds its customer when it arrives; order 12 moves from bob to cy.
INSERT INTO customers VALUES (4, 'dee', 9);
> 1 row affected

INSERT INTO orders VALUES (12, 3, 150);
> 1 row affected

> changes
_diff | oid | name | amount
+1    | 13  | dee  | 500
-1    | 12  | bob  | 150
+1    | 12  | cy   | 150

DELETE FROM customers WHERE id = 1;
> 1 row affected

> changes
_diff | oid | name | amount
-1    | 10  | anne | 150
-1    | 11  | anne | 50

SELECT * FROM big;
oid | name
12  | cy

SELECT * FROM per_name;
name | n | total
cy   | 1 | 150
dee  | 1 | 500

DELETE FROM orders WHERE cust = 3;
> 1 row affected

SELECT * FROM per_name;
name | n | total
dee  | 1 | 500

# The customer comes back: its orders join again.
INSERT INTO customers VALUES (1, 'ann', 0);
> 1 row affected

SELECT * FROM big;
oid | name
10  | ann
11  | ann

SELECT * FROM co;
oid | name | amount
10  | ann  | 150
11  | ann  | 50
13  | dee  | 500
