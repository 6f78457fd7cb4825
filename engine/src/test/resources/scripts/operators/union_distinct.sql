# UNION ALL, UNION and DISTINCT, over streams and under deletes of a table.

CREATE STREAM a (k INT, v VARCHAR);
> ok

CREATE STREAM b (k INT, v VARCHAR);
> ok

CREATE VIEW ua AS SELECT k, v FROM a UNION ALL SELECT k, v FROM b;
> ok

CREATE VIEW ud AS SELECT k, v FROM a UNION SELECT k, v FROM b;
> ok

CREATE VIEW da AS SELECT DISTINCT v FROM a;
> ok

CREATE VIEW db AS SELECT DISTINCT k, v FROM b;
> ok

CREATE VIEW self AS SELECT k FROM a WHERE k = 1 UNION ALL SELECT k FROM a WHERE k >= 1;
> ok

INSERT INTO a VALUES (1, 'x'), (1, 'x'), (2, 'y'), (NULL, NULL);
> 4 rows affected

INSERT INTO b VALUES (1, 'x'), (3, 'z'), (NULL, NULL), (NULL, NULL);
> 4 rows affected

SELECT * FROM ua;
k    | v
1    | x
1    | x
2    | y
null | null
1    | x
3    | z
null | null
null | null

SELECT * FROM ud;
k    | v
1    | x
2    | y
null | null
3    | z

SELECT * FROM da;
v
x
y
null

SELECT * FROM db;
k    | v
1    | x
3    | z
null | null

SELECT * FROM self;
k
1
1
1
1
2

INSERT INTO a VALUES (2, 'y');
> 1 row affected

SELECT * FROM da;
v
x
y
null

SELECT * FROM ud;
k    | v
1    | x
2    | y
null | null
3    | z

SELECT * FROM self;
k
1
1
1
1
2
2

# DISTINCT under retractions: a value stays while any row still has it.
CREATE TABLE t (id INT NOT NULL, v VARCHAR, PRIMARY KEY (id));
> ok

CREATE VIEW tv AS SELECT DISTINCT v FROM t;
> ok

CREATE VIEW tu AS SELECT v FROM t WHERE id = 1 UNION SELECT v FROM t WHERE id = 2;
> ok

INSERT INTO t VALUES (1, 'p'), (2, 'p'), (3, 'q');
> 3 rows affected

SELECT * FROM tv;
v
p
q

SELECT * FROM tu;
v
p

DELETE FROM t WHERE id = 1;
> 1 row affected

SELECT * FROM tv;
v
p
q

SELECT * FROM tu;
v
p

DELETE FROM t WHERE id = 2;
> 1 row affected

SELECT * FROM tu;
v

INSERT INTO t VALUES (3, 'r');
> 1 row affected

SELECT * FROM tv;
v
r

SELECT k, v FROM a UNION SELECT k FROM b;
> error VALIDATION 42000
