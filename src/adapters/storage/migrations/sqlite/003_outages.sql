-- Outages (停水/停热/停气) over topology nodes, and announcements (公告).
-- docs/design/outages.md

CREATE TABLE outages (
  id                  INTEGER PRIMARY KEY,
  utility             TEXT    NOT NULL CHECK (utility IN ('water', 'heat', 'gas')),
  kind                TEXT    NOT NULL CHECK (kind IN ('planned', 'unplanned')),
  state               TEXT    NOT NULL CHECK (state IN ('planned', 'active', 'restored', 'cancelled')),
  title               TEXT    NOT NULL,
  reason              TEXT    NOT NULL,
  starts_at           INTEGER NOT NULL,
  expected_restore_at INTEGER,
  restored_at         INTEGER,
  created_by          INTEGER NOT NULL REFERENCES users (id),
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX outages_state ON outages (state);

CREATE TABLE outage_nodes (
  outage_id INTEGER NOT NULL REFERENCES outages (id),
  node_id   INTEGER NOT NULL REFERENCES topology_nodes (id),
  PRIMARY KEY (outage_id, node_id)
);
CREATE INDEX outage_nodes_node ON outage_nodes (node_id);

CREATE TABLE announcements (
  id          INTEGER PRIMARY KEY,
  title       TEXT    NOT NULL,
  body        TEXT    NOT NULL,
  audience    TEXT    NOT NULL CHECK (audience IN ('public', 'staff')),
  utility     TEXT    CHECK (utility IN ('water', 'heat', 'gas')),
  outage_id   INTEGER REFERENCES outages (id),
  valid_from  INTEGER NOT NULL,
  valid_until INTEGER NOT NULL,
  created_by  INTEGER NOT NULL REFERENCES users (id),
  created_at  INTEGER NOT NULL
);
CREATE INDEX announcements_valid ON announcements (valid_until);
