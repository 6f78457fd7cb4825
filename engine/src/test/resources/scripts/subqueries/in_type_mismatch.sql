# An IN list or subquery whose values cannot be compared with the left operand is a validation
# error naming both types, never an internal error from generated code.

CREATE TABLE t1 (id BIGINT NOT NULL, a BIGINT, PRIMARY KEY (id));
> ok

INSERT INTO t1 VALUES (1, 10), (2, 20);
> 2 rows affected

SELECT id FROM t1 WHERE 'hello' IN (SELECT a FROM t1);
> error VALIDATION 42000: cannot compare

CREATE VIEW bad AS SELECT id FROM t1 WHERE a IN (SELECT id > 1 FROM t1);
> error VALIDATION 42000

SELECT id FROM t1 WHERE 'hello' NOT IN (SELECT a FROM t1);
> error VALIDATION 42000: cannot compare

SELECT 'hello' NOT IN (SELECT a FROM t1);
> error VALIDATION 42000: cannot compare

CREATE VIEW bad AS SELECT 'hello' NOT IN (SELECT a FROM t1);
> error VALIDATION 42000: cannot compare
