-- Work orders (工单), their history, and the deadline settings. docs/design/work-orders.md

CREATE TABLE work_orders (
  id                 INTEGER PRIMARY KEY,
  tracking_code      TEXT    NOT NULL UNIQUE,
  type               TEXT    NOT NULL CHECK (type IN ('repair', 'complaint', 'consultation',
                       'suggestion', 'praise', 'help', 'supervision', 'transfer_12345',
                       'installation', 'appointment')),
  category           TEXT    NOT NULL,
  priority           TEXT    NOT NULL CHECK (priority IN ('emergency', 'urgent', 'normal')),
  state              TEXT    NOT NULL CHECK (state IN ('accepted', 'dispatched', 'assigned',
                       'en_route', 'on_site', 'resolved', 'callback', 'closed', 'returned',
                       'reopened', 'cancelled', 'merged')),
  title              TEXT    NOT NULL,
  description        TEXT    NOT NULL,
  address            TEXT    NOT NULL,
  customer_id        INTEGER REFERENCES customers (id),
  account_id         INTEGER REFERENCES accounts (id),
  interaction_id     INTEGER,
  contact_name       TEXT    NOT NULL,
  contact_phone_enc  BLOB,
  contact_phone_idx  TEXT,
  district_id        INTEGER REFERENCES topology_nodes (id),
  department_id      INTEGER REFERENCES org_units (id),
  assignee_id        INTEGER REFERENCES users (id),
  created_by         INTEGER NOT NULL,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  due_response_at    INTEGER,
  due_arrival_at     INTEGER,
  due_resolution_at  INTEGER,
  responded_at       INTEGER,
  arrived_at         INTEGER,
  resolved_at        INTEGER,
  closed_at          INTEGER,
  paused_at          INTEGER,
  parent_id          INTEGER REFERENCES work_orders (id),
  merged_into_id     INTEGER REFERENCES work_orders (id),
  urge_count         INTEGER NOT NULL DEFAULT 0,
  reopen_count       INTEGER NOT NULL DEFAULT 0,
  breached           INTEGER NOT NULL DEFAULT 0,
  satisfaction       INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  callback_reached   INTEGER,
  needs_review       INTEGER NOT NULL DEFAULT 0,
  version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX work_orders_state ON work_orders (state, id);
CREATE INDEX work_orders_district ON work_orders (district_id, id);
CREATE INDEX work_orders_assignee ON work_orders (assignee_id, state);
CREATE INDEX work_orders_customer ON work_orders (customer_id, id);
CREATE INDEX work_orders_parent ON work_orders (parent_id);
CREATE INDEX work_orders_due ON work_orders (due_resolution_at);
CREATE INDEX work_orders_contact ON work_orders (contact_phone_idx);

CREATE TABLE work_order_transitions (
  id               INTEGER PRIMARY KEY,
  order_id         INTEGER NOT NULL REFERENCES work_orders (id),
  at               INTEGER NOT NULL,
  actor_id         INTEGER NOT NULL,  -- 0: the system
  actor_name       TEXT    NOT NULL,
  action           TEXT    NOT NULL,
  from_state       TEXT    NOT NULL,
  to_state         TEXT    NOT NULL,
  note             TEXT    NOT NULL,
  department_id    INTEGER,
  assignee_id      INTEGER,
  related_order_id INTEGER,
  satisfaction     INTEGER
);
CREATE INDEX work_order_transitions_order ON work_order_transitions (order_id, id);

-- Deadline policies that override the built-in defaults, per category code and priority.
CREATE TABLE work_order_deadline_policies (
  category            TEXT    NOT NULL,
  priority            TEXT    NOT NULL CHECK (priority IN ('emergency', 'urgent', 'normal')),
  response_minutes    INTEGER NOT NULL,
  response_business   INTEGER NOT NULL,
  arrival_minutes     INTEGER NOT NULL,
  arrival_business    INTEGER NOT NULL,
  resolution_minutes  INTEGER NOT NULL,
  resolution_business INTEGER NOT NULL,
  PRIMARY KEY (category, priority)
);

-- The business calendar: one row once saved; the built-in one until then.
CREATE TABLE work_order_calendar (
  singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
  open_minute  INTEGER NOT NULL,
  close_minute INTEGER NOT NULL,
  weekdays     INTEGER NOT NULL,
  utc_offset   INTEGER NOT NULL,
  updated_by   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);

-- Holidays (not working days) and make-up working days (调休), as yyyymmdd.
CREATE TABLE work_order_calendar_dates (
  date INTEGER NOT NULL PRIMARY KEY,
  kind TEXT    NOT NULL CHECK (kind IN ('holiday', 'workday'))
);
