# INTERSECT and EXCEPT, with and without ALL, kept up to date under inserts and deletes on both
# sides: multiset semantics (INTERSECT ALL = min of counts, EXCEPT ALL = max(a - b, 0)).

CREATE TABLE a (id INT NOT NULL, v VARCHAR, PRIMARY KEY (id));
> ok

CREATE TABLE b (id INT NOT NULL, v VARCHAR, PRIMARY KEY (id));
> ok

CREATE VIEW i AS SELECT v FROM a INTERSECT SELECT v FROM b;
> ok

CREATE VIEW ia AS SELECT v FROM a INTERSECT ALL SELECT v FROM b;
> ok

CREATE VIEW e AS SELECT v FROM a EXCEPT SELECT v FROM b;
> ok

CREATE VIEW ea AS SELECT v FROM a EXCEPT ALL SELECT v FROM b;
> ok

INSERT INTO a VALUES (1, 'x'), (2, 'x'), (3, 'x'), (4, 'y'), (5, NULL), (6, 'z');
> 6 rows affected

INSERT INTO b VALUES (1, 'x'), (2, 'y'), (3, 'y'), (4, NULL);
> 4 rows affected

SELECT * FROM i;
v
x
y
null

SELECT * FROM ia;
v
x
y
null

SELECT * FROM e;
v
z

SELECT * FROM ea;
v
x
x
z

# b gains a second x: INTERSECT ALL keeps two x, EXCEPT ALL one.
INSERT INTO b VALUES (5, 'x');
> 1 row affected

SELECT * FROM ia;
v
x
x
y
null

SELECT * FROM ea;
v
x
z

# a loses its y and z; b loses its NULL.
DELETE FROM a WHERE v <> 'x';
> 2 rows affected

DELETE FROM b WHERE id = 4;
> 1 row affected

SELECT * FROM i;
v
x

SELECT * FROM e;
v
null

SELECT * FROM ea;
v
x
null
