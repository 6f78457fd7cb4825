# Tables with a primary key: INSERT of an existing key replaces the row, DELETE removes rows,
# and views over the table follow both.

CREATE TABLE accounts (id INT NOT NULL, owner VARCHAR, balance BIGINT, PRIMARY KEY (id));
> ok

INSERT INTO accounts VALUES (1, 'ann', 100), (2, 'bob', 50), (3, 'cy', 75);
> 3 rows affected

CREATE VIEW rich AS SELECT id, owner FROM accounts WHERE balance >= 75;
> ok

CREATE VIEW total AS SELECT COUNT(*) AS n, SUM(balance) AS s FROM accounts;
> ok

SELECT * FROM rich;
id | owner
1  | ann
3  | cy

# Upsert: key 2 exists, its row is replaced.
INSERT INTO accounts VALUES (2, 'bob', 80);
> 1 row affected

SELECT * FROM accounts ORDER BY id;
id | owner | balance
1  | ann   | 100
2  | bob   | 80
3  | cy    | 75

SELECT * FROM rich;
id | owner
1  | ann
2  | bob
3  | cy

SELECT * FROM total;
n | s
3 | 255

DELETE FROM accounts WHERE id = 1;
> 1 row affected

DELETE FROM accounts WHERE balance < 0;
> 0 rows affected

SELECT * FROM rich;
id | owner
2  | bob
3  | cy

SELECT * FROM total;
n | s
2 | 155

# An upsert can move a row out of a view.
INSERT INTO accounts VALUES (3, 'cy', 10);
> 1 row affected

SELECT * FROM rich;
id | owner
2  | bob

SELECT * FROM total;
n | s
2 | 90

DELETE FROM accounts WHERE id > 0;
> 2 rows affected

SELECT * FROM total;
n | s
0 | null

SELECT * FROM rich;
id | owner

# A deleted key can come back.
INSERT INTO accounts VALUES (1, 'ann', 5);
> 1 row affected

SELECT * FROM accounts;
id | owner | balance
1  | ann   | 5

SELECT * FROM total;
n | s
1 | 5

# A view created now is backfilled from the table's current rows only.
CREATE VIEW owners AS SELECT owner FROM accounts;
> ok

SELECT * FROM owners;
owner
ann

INSERT INTO accounts VALUES (NULL, 'x', 1);
> error DATA 22000

DELETE FROM missing WHERE id = 1;
> error NOT_FOUND 42S02: missing

DELETE FROM accounts WHERE nope = 1;
> error NOT_FOUND 42S02: nope
