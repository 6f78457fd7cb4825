# A DOUBLE column compared with exact literals (an IN list, a range) in a filter that also has a
# sub-query: sub-query removal simplifies the filter, and must see the literals as DOUBLE already
# (mixed BigDecimal/Double bounds made Calcite's simplifier throw a ClassCastException, an INTERNAL
# error; found by sqllogictest index/commute and index/orderby_nosort).

CREATE TABLE t (pk BIGINT, a BIGINT, d DOUBLE, PRIMARY KEY (pk));
> ok

INSERT INTO t VALUES (1, 1, 1.5), (2, 2, 2.5), (3, 3, 9.0), (4, 4, 4.0);
> 4 rows affected

SELECT pk FROM t WHERE d IN (1.5, 2.5, 7.25) AND d <= 3.25 OR a IN (SELECT a FROM t WHERE d > 5.5);
pk
1
2
3

SELECT pk FROM t WHERE a IN (SELECT a FROM t WHERE d IN (1.5, 9.0, 7.25) AND d >= 2.25 OR d = 4.0);
pk
3
4

CREATE VIEW v AS SELECT pk FROM t WHERE d IN (1.5, 2.5, 7.25) AND d <= 3.25 OR a IN (SELECT a FROM t WHERE d > 5.5);
> ok

INSERT INTO t VALUES (5, 5, 7.25);
> 1 row affected

SELECT * FROM v;
pk
1
2
3
5
