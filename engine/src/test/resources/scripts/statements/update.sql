# UPDATE t SET ... [WHERE ...] on a table with a primary key: the matched rows are read as they
# are now and written back as upserts; a changed key deletes the old row. Views follow.

CREATE TABLE accounts (id INT NOT NULL, owner VARCHAR, balance BIGINT, PRIMARY KEY (id));
> ok

INSERT INTO accounts VALUES (1, 'ann', 100), (2, 'bob', 50), (3, 'cy', 75);
> 3 rows affected

CREATE VIEW rich AS SELECT id, owner FROM accounts WHERE balance >= 75;
> ok

CREATE VIEW total AS SELECT COUNT(*) AS n, SUM(balance) AS s FROM accounts;
> ok

UPDATE accounts SET balance = balance + 30 WHERE owner = 'bob';
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

# No WHERE: every row; an INT expression into a BIGINT column.
UPDATE accounts SET balance = 3 + 1, owner = UPPER(owner);
> 3 rows affected

SELECT * FROM accounts ORDER BY id;
id | owner | balance
1  | ANN   | 4
2  | BOB   | 4
3  | CY    | 4

SELECT * FROM rich;
id | owner

SELECT * FROM total;
n | s
3 | 12

UPDATE accounts SET balance = 0 WHERE id > 10;
> 0 rows affected

# Moving keys: every old key is deleted before the new rows are written, so shifting all keys
# by one keeps every row.
UPDATE accounts SET id = id + 1;
> 3 rows affected

SELECT * FROM accounts ORDER BY id;
id | owner | balance
2  | ANN   | 4
3  | BOB   | 4
4  | CY    | 4

SELECT * FROM total;
n | s
3 | 12

UPDATE accounts SET id = 7;
> error DATA 22000: same primary key

UPDATE accounts SET owner = NULL, balance = NULL WHERE id = 2;
> 1 row affected

SELECT * FROM accounts WHERE id = 2;
id | owner | balance
2  | null  | null

UPDATE accounts SET id = NULL WHERE id = 2;
> error DATA 22000

UPDATE accounts SET nope = 1;
> error VALIDATION 42000: Unknown target column 'nope'

UPDATE accounts SET balance = 'x';
> error VALIDATION 42000

UPDATE missing SET a = 1;
> error NOT_FOUND 42S02: missing

CREATE STREAM events (id INT, v INT);
> ok

UPDATE events SET v = 1;
> error VALIDATION 42000: streams are append-only

UPDATE rich SET owner = 'x';
> error VALIDATION 42000: computed from its query
