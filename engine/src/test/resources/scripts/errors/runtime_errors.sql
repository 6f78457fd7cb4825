# Runtime expression errors (division by zero, a bad CAST) never stop a standing query: the row
# is skipped, counted per view, and the last error is shown by SHOW QUERIES, DESCRIBE and
# EXPLAIN STATE. A one-shot SELECT over the same rows fails as a batch database would.

CREATE STREAM t (id INT NOT NULL, a BIGINT, b BIGINT, s VARCHAR);
> ok

CREATE VIEW ratio AS SELECT id, a / b AS q FROM t;
> ok

CREATE VIEW parsed AS SELECT id, CAST(s AS INTEGER) AS n FROM t;
> ok

CREATE VIEW per_id AS SELECT id, SUM(a / b) AS total FROM t GROUP BY id;
> ok

CREATE STREAM u (id INT NOT NULL, k BIGINT);
> ok

CREATE VIEW joined AS SELECT t.id, u.k FROM t JOIN u ON t.id = u.id AND u.k / t.b > 1;
> ok

INSERT INTO u VALUES (1, 10), (2, 10), (3, 10);
> 3 rows affected

INSERT INTO t VALUES (1, 10, 2, '7'), (2, 5, 0, 'x'), (3, 8, 0, '12'), (4, 1, 1, 'y1');
> 4 rows affected

SELECT * FROM ratio;
id | q
1  | 5
4  | 1

SELECT * FROM parsed;
id | n
1  | 7
3  | 12

SELECT * FROM per_id;
id | total
1  | 5
4  | 1

SELECT * FROM joined;
id | k
1  | 10

DESCRIBE ratio;
> contains errors: 2, last: division by zero in /(a, b)

DESCRIBE parsed;
> contains errors: 2, last: invalid number

DESCRIBE per_id;
> contains errors: 2, last: division by zero

DESCRIBE joined;
> contains errors: 2, last: division by zero

SHOW QUERIES;
> contains errors
> contains last_error
> contains division by zero in /(a, b)

EXPLAIN STATE ratio;
> contains [errors: 2]
> contains errors: 2, last: division by zero

# A view without errors says so.
CREATE VIEW fine AS SELECT id FROM t WHERE b > 0;
> ok

DESCRIBE fine;
> contains errors: 0

# A one-shot SELECT fails on the first bad row, naming the error.
SELECT id, a / b AS q FROM t;
> error DATA 22000: division by zero

SELECT CAST(s AS INTEGER) AS n FROM t;
> error DATA 22000: invalid number

# The same SELECT over rows without the error succeeds.
SELECT id, a / b AS q FROM t WHERE b <> 0;
id | q
1  | 5
4  | 1

# INSERT ... SELECT fails as a whole: nothing is written.
CREATE STREAM quotients (q BIGINT);
> ok

INSERT INTO quotients SELECT a / b FROM t;
> error DATA 22000: division by zero

SELECT COUNT(*) AS n FROM quotients;
n
0

# Later rows keep flowing through the views.
INSERT INTO t VALUES (5, 9, 3, '5'), (6, 1, 0, '6');
> 2 rows affected

SELECT * FROM ratio;
id | q
1  | 5
4  | 1
5  | 3

DESCRIBE ratio;
> contains errors: 3, last: division by zero
