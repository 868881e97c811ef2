-- A row the broker can never take (a record over its size limit, a payload that no longer
-- encodes) is set aside with the reason instead of blocking every later change of every tenant.
ALTER TABLE outbox ADD COLUMN rejected_at timestamptz;
ALTER TABLE outbox ADD COLUMN rejected_reason text;
DROP INDEX outbox_unpublished;
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL AND rejected_at IS NULL;
