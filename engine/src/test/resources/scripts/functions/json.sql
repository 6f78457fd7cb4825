# JSON_VALUE, as a view and as a snapshot SELECT: text that is not JSON, or a path that does
# not match, gives NULL (lax mode, NULL ON ERROR).

CREATE STREAM j (id INT NOT NULL, doc VARCHAR);
> ok

CREATE VIEW js AS
SELECT id, JSON_VALUE(doc, '$.a') AS a, JSON_VALUE(doc, '$.b.c') AS c FROM j;
> ok

INSERT INTO j VALUES (1, '{"a": 1, "b": {"c": "x"}}'), (2, '{"a": "two"}'), (3, 'not json'), (4, NULL);
> 4 rows affected

SELECT * FROM js;
id | a    | c
1  | 1    | x
2  | two  | null
3  | null | null
4  | null | null

SELECT id, JSON_VALUE(doc, '$.a') AS a, JSON_VALUE(doc, '$.b.c') AS c FROM j;
id | a    | c
1  | 1    | x
2  | two  | null
3  | null | null
4  | null | null

SELECT id FROM j WHERE JSON_VALUE(doc, '$.b.c') = 'x';
id
1
