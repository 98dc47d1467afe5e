-- Foundation: topology, organisation, identity, audit chain, outbox, customers and billing.
-- Times are epoch milliseconds (UTC); money is integer fen; states and kinds are stable codes.

CREATE TABLE topology_nodes (
  id        INTEGER PRIMARY KEY,
  kind      TEXT    NOT NULL CHECK (kind IN ('district', 'supply_zone', 'substation',
                                             'regulator_station', 'community', 'building', 'unit')),
  parent_id INTEGER REFERENCES topology_nodes (id),
  code      TEXT    NOT NULL UNIQUE,
  name      TEXT    NOT NULL,
  x_km      REAL    NOT NULL,
  y_km      REAL    NOT NULL
);
CREATE INDEX topology_nodes_parent ON topology_nodes (parent_id);
CREATE INDEX topology_nodes_kind ON topology_nodes (kind);

CREATE TABLE community_feeds (
  community_id         INTEGER PRIMARY KEY REFERENCES topology_nodes (id),
  supply_zone_id       INTEGER NOT NULL REFERENCES topology_nodes (id),
  substation_id        INTEGER REFERENCES topology_nodes (id),
  regulator_station_id INTEGER REFERENCES topology_nodes (id)
);

CREATE TABLE premises (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES topology_nodes (id),
  building_id  INTEGER NOT NULL REFERENCES topology_nodes (id),
  community_id INTEGER NOT NULL REFERENCES topology_nodes (id),
  district_id  INTEGER NOT NULL REFERENCES topology_nodes (id),
  room         TEXT    NOT NULL,
  address      TEXT    NOT NULL
);
CREATE INDEX premises_community ON premises (community_id);

CREATE TABLE org_units (
  id        INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES org_units (id),
  kind      TEXT    NOT NULL CHECK (kind IN ('company', 'branch', 'department', 'team')),
  code      TEXT    NOT NULL UNIQUE,
  name      TEXT    NOT NULL
);

CREATE TABLE org_unit_areas (
  org_unit_id INTEGER NOT NULL REFERENCES org_units (id),
  district_id INTEGER NOT NULL REFERENCES topology_nodes (id),
  PRIMARY KEY (org_unit_id, district_id)
);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT    NOT NULL UNIQUE,
  display_name  TEXT    NOT NULL,
  role          TEXT    NOT NULL,
  org_unit_id   INTEGER NOT NULL REFERENCES org_units (id),
  password_hash TEXT    NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
  token_hash     TEXT    PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users (id),
  created_at     INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL,
  revoked_at     INTEGER,
  remote_address TEXT    NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_keys (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  key_hash   TEXT    NOT NULL UNIQUE,
  prefix     TEXT    NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  scopes     TEXT    NOT NULL,  -- space-separated permission codes
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER
);

CREATE TABLE audit_log (
  id             INTEGER PRIMARY KEY,
  at             INTEGER NOT NULL,
  actor_user_id  INTEGER,
  actor          TEXT    NOT NULL,
  remote_address TEXT    NOT NULL,
  action         TEXT    NOT NULL,
  entity_type    TEXT    NOT NULL,
  entity_id      TEXT    NOT NULL,
  before_json    TEXT    NOT NULL,
  after_json     TEXT    NOT NULL,
  prev_hash      TEXT    NOT NULL,
  hash           TEXT    NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE audit_head (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  last_id   INTEGER NOT NULL,
  last_hash TEXT    NOT NULL
);
INSERT INTO audit_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE outbox (
  id      INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  topic   TEXT    NOT NULL,
  type    TEXT    NOT NULL,
  subject TEXT    NOT NULL,
  data    TEXT    NOT NULL
);
CREATE INDEX outbox_topic ON outbox (topic, id);

CREATE TABLE customers (
  id            INTEGER PRIMARY KEY,
  kind          TEXT    NOT NULL CHECK (kind IN ('resident', 'business')),
  name          TEXT    NOT NULL,
  id_number_enc BLOB,
  id_number_idx TEXT,
  created_at    INTEGER NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX customers_id_number ON customers (id_number_idx);
CREATE INDEX customers_name ON customers (name);

CREATE TABLE customer_phones (
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  position    INTEGER NOT NULL,
  phone_enc   BLOB    NOT NULL,
  phone_idx   TEXT    NOT NULL,
  PRIMARY KEY (customer_id, position)
);
CREATE INDEX customer_phones_idx ON customer_phones (phone_idx);

CREATE TABLE accounts (
  id          INTEGER PRIMARY KEY,
  account_no  TEXT    NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  premise_id  INTEGER NOT NULL REFERENCES premises (id),
  utility     TEXT    NOT NULL CHECK (utility IN ('water', 'heat', 'gas')),
  status      TEXT    NOT NULL CHECK (status IN ('active', 'suspended', 'closed')),
  balance_fen INTEGER NOT NULL DEFAULT 0,
  arrears_fen INTEGER NOT NULL DEFAULT 0,
  opened_at   INTEGER NOT NULL
);
CREATE INDEX accounts_customer ON accounts (customer_id);
CREATE INDEX accounts_premise ON accounts (premise_id);

CREATE TABLE meters (
  id           INTEGER PRIMARY KEY,
  account_id   INTEGER NOT NULL REFERENCES accounts (id),
  serial       TEXT    NOT NULL,
  model        TEXT    NOT NULL,
  last_reading INTEGER NOT NULL,
  last_read_at INTEGER NOT NULL
);
CREATE INDEX meters_account ON meters (account_id);

CREATE TABLE bills (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  period     TEXT    NOT NULL,
  usage      INTEGER NOT NULL,
  amount_fen INTEGER NOT NULL,
  paid_fen   INTEGER NOT NULL,
  due_at     INTEGER NOT NULL
);
CREATE INDEX bills_account ON bills (account_id, period);
