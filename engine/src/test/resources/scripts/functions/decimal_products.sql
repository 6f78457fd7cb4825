# A DECIMAL literal times an integer (computed on longs when the product fits one, else as
# BigDecimals): the exact product with the literal's scale, NULL for NULL, in projections and
# filters, either operand order, BIGINT and INT operands, products that overflow a long, and a
# literal whose unscaled value does not fit a long.

CREATE STREAM d (id INT NOT NULL, x BIGINT, i INT);
> ok

CREATE VIEW products AS
SELECT id,
  0.908 * x AS a,
  x * -1.5 AS b,
  123456789.123456789 * x AS c,
  1.000 * i AS e,
  12345678901234567890.5 * i AS f
FROM d;
> ok

CREATE VIEW halves AS SELECT id, 0.5 * x AS h FROM d WHERE 0.5 * x > 100;
> ok

INSERT INTO d VALUES (1, 1000, 7), (2, NULL, NULL), (3, 9223372036854775807, 2147483647),
  (4, -9223372036854775808, -2147483648), (5, -3, 0);
> 5 rows affected

SELECT * FROM products;
id | a                         | b                      | c                                      | e               | f
1  | 908.000                   | -1500.0                | 123456789123.456789000                 | 7.000           | 86419752308641975233.5
2  | null                      | null                   | null                                   | null            | null
3  | 8374821809464136432.756   | -13835058055282163710.5 | 1138687896561168175869584003.447103723 | 2147483647.000  | 26512143551514162655960036653.5
4  | -8374821809464136433.664  | 13835058055282163712.0 | -1138687896561168175993040792.570560512 | -2147483648.000 | -26512143563859841557194604544.0
5  | -2.724                    | 4.5                    | -370370367.370370367                   | 0.000           | 0.0

SELECT * FROM halves;
id | h
1  | 500.0
3  | 4611686018427387903.5

SELECT id, 0.908 * x AS a, x * -1.5 AS b FROM d WHERE id IN (2, 5);
id | a      | b
2  | null   | null
5  | -2.724 | 4.5
