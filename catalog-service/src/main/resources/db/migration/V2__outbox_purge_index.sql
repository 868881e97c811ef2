-- The relay leader deletes rows published longer than nextbest.catalog.relay.keep-published ago;
-- this index finds them without scanning the table.
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
