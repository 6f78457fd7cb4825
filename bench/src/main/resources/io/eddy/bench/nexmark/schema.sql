-- The Nexmark input as three Eddy streams: the mechanical rewrite of the Flink nexmark DDL
-- (ddl_gen.sql: one table with nested person/auction/bid rows and a computed `dateTime`;
-- ddl_views.sql: three views that split it by event_type). Each view becomes a stream with the
-- view's columns; the generator's WATERMARK (4 s) moves onto each stream. NexmarkQuery.schema fills
-- in each WITH: the partitions (the runner's --parallelism) and, in unpaced generator runs, the log
-- retention.

CREATE STREAM person (
    id  BIGINT,
    name  VARCHAR,
    emailAddress  VARCHAR,
    creditCard  VARCHAR,
    city  VARCHAR,
    state  VARCHAR,
    `dateTime` TIMESTAMP(3),
    extra  VARCHAR,
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (${OPTIONS});

CREATE STREAM auction (
    id  BIGINT,
    itemName  VARCHAR,
    description  VARCHAR,
    initialBid  BIGINT,
    reserve  BIGINT,
    `dateTime`  TIMESTAMP(3),
    expires  TIMESTAMP(3),
    seller  BIGINT,
    category  BIGINT,
    extra  VARCHAR,
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (${OPTIONS});

CREATE STREAM bid (
    auction  BIGINT,
    bidder  BIGINT,
    price  BIGINT,
    channel  VARCHAR,
    url  VARCHAR,
    `dateTime`  TIMESTAMP(3),
    extra  VARCHAR,
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (${OPTIONS});
