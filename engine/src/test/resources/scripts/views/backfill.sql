# Views created before and after data (backfill), and views over views.

CREATE STREAM clicks (user_id BIGINT, page VARCHAR);
> ok

CREATE VIEW before_data AS SELECT page, COUNT(*) AS n FROM clicks GROUP BY page;
> ok

INSERT INTO clicks VALUES (1, 'home'), (2, 'home'), (1, 'cart');
> 3 rows affected

CREATE VIEW after_data AS SELECT page, COUNT(*) AS n FROM clicks GROUP BY page;
> ok

SELECT * FROM before_data;
page | n
home | 2
cart | 1

SELECT * FROM after_data;
page | n
home | 2
cart | 1

INSERT INTO clicks VALUES (3, 'cart'), (3, 'pay');
> 2 rows affected

SELECT * FROM before_data;
page | n
home | 2
cart | 2
pay  | 1

SELECT * FROM after_data;
page | n
home | 2
cart | 2
pay  | 1

# Views over views, created after data.
CREATE VIEW popular AS SELECT page FROM after_data WHERE n >= 2;
> ok

CREATE VIEW pop_count AS SELECT COUNT(*) AS c FROM popular;
> ok

SELECT * FROM popular;
page
home
cart

SELECT * FROM pop_count;
c
2

INSERT INTO clicks VALUES (4, 'pay');
> 1 row affected

SELECT * FROM popular;
page
home
cart
pay

SELECT * FROM pop_count;
c
3

# A chain of views created before any data.
CREATE STREAM nums (x INT);
> ok

CREATE VIEW doubled AS SELECT x * 2 AS y FROM nums;
> ok

CREATE VIEW total AS SELECT SUM(y) AS t, COUNT(*) AS c FROM doubled;
> ok

SELECT * FROM total;
t    | c
null | 0

INSERT INTO nums VALUES (1), (2);
> 2 rows affected

SELECT * FROM total;
t | c
6 | 2

# A view over a table is backfilled from its current rows: replaced and deleted rows are gone.
CREATE TABLE prof (id INT NOT NULL, name VARCHAR, PRIMARY KEY (id));
> ok

INSERT INTO prof VALUES (1, 'a'), (2, 'b');
> 2 rows affected

INSERT INTO prof VALUES (1, 'c');
> 1 row affected

DELETE FROM prof WHERE id = 2;
> 1 row affected

CREATE VIEW pv AS SELECT id, name FROM prof;
> ok

SELECT * FROM pv;
id | name
1  | c

# Identifiers are case-insensitive, their casing preserved.
CREATE VIEW MixedCase AS SELECT page AS PageName FROM clicks WHERE user_id = 4;
> ok

SELECT * FROM mixedcase;
PageName
pay
