-- The catalog: PostgreSQL is the source of truth for configuration (ARCHITECTURE.md).
-- Every entity table keeps the entity's JSON (exactly the common-model record, which is also the
-- admin API's JSON and the catalog.* topic payload) in `body`, beside the key columns that
-- scoping, lookups and uniqueness need. Rows are always addressed by (tenant_id, id).

CREATE TABLE tenants (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    name text NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX tenants_name ON tenants (lower(name));

CREATE TABLE api_keys (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    kind text NOT NULL,
    hash text NOT NULL,
    revoked boolean NOT NULL DEFAULT false,
    expires_at timestamptz,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX api_keys_prefix ON api_keys (id);

CREATE TABLE categories (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    name text NOT NULL,
    parent_id text,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX categories_name ON categories (tenant_id, coalesce(parent_id, ''), lower(name));

CREATE TABLE offers (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    name text NOT NULL,
    category_id text,
    status text NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX offers_category ON offers (tenant_id, category_id);

CREATE TABLE channels (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    name text NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX channels_name ON channels (tenant_id, lower(name));

CREATE TABLE creatives (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    offer_id text NOT NULL,
    channel_id text NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX creatives_offer ON creatives (tenant_id, offer_id);

CREATE TABLE decision_flows (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    key text NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX decision_flows_key ON decision_flows (tenant_id, key);

CREATE TABLE experiments (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    key text NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX experiments_key ON experiments (tenant_id, key);

CREATE TABLE trackers (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    store_id text,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE products (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    store_id text NOT NULL,
    item_id text NOT NULL,
    parent_id text,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX products_store ON products (tenant_id, store_id);

CREATE TABLE models (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE customers (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE outcome_types (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE qualification_rules (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE contact_policies (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE volume_caps (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

-- The transactional outbox: one row per change, written in the entity's transaction. Writers take
-- pg_advisory_xact_lock before inserting here, so id order is commit order; the relay publishes in
-- id order and sets published_at only after the broker acknowledged.
CREATE TABLE outbox (
    id           bigserial   PRIMARY KEY,
    entity       text        NOT NULL,
    tenant_id    text        NOT NULL,
    entity_id    text        NOT NULL,
    payload      jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

-- Values the platform generates once and keeps (demo tenant id, bootstrap credential prefix...).
CREATE TABLE catalog_settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);
