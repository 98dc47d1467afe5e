-- The edited category tree (overrides the built-in one when it holds any row) and the routing
-- rules: category prefix + district → org unit. docs/design/work-orders.md ("Category tree",
-- "Routing").

CREATE TABLE work_order_categories (
  code               TEXT    PRIMARY KEY,
  parent             TEXT    NOT NULL,  -- '' for a root
  name               TEXT    NOT NULL,
  utility            TEXT    CHECK (utility IN ('water', 'heat', 'gas')),
  suggested_priority TEXT    NOT NULL CHECK (suggested_priority IN ('emergency', 'urgent',
                               'normal')),
  site_visit         INTEGER NOT NULL,
  trade              TEXT    CHECK (trade IN ('pipe_repair', 'meter', 'gas_safety', 'heat_valve')),
  position           INTEGER NOT NULL,  -- parents before children
  updated_by         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);

CREATE TABLE work_order_routing_rules (
  id          INTEGER PRIMARY KEY,
  category    TEXT    NOT NULL,
  district_id INTEGER REFERENCES topology_nodes (id),
  org_unit_id INTEGER NOT NULL REFERENCES org_units (id),
  auto_assign INTEGER NOT NULL DEFAULT 0,
  position    INTEGER NOT NULL,
  updated_by  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX work_order_routing_rules_key
  ON work_order_routing_rules (category, COALESCE(district_id, 0));

-- Open load per assignee, and the category check on tree edits.
CREATE INDEX work_orders_category_state ON work_orders (category, state);
