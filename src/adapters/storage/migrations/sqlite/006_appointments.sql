-- Appointments (预约上门服务): slots with capacity per team, district and utility, bookings that
-- each own a work order, and the bookings' history. docs/design/appointments.md

CREATE TABLE appointment_slots (
  id           INTEGER PRIMARY KEY,
  team_id      INTEGER NOT NULL REFERENCES org_units (id),
  district_id  INTEGER NOT NULL REFERENCES topology_nodes (id),
  utility      TEXT    NOT NULL CHECK (utility IN ('water', 'heat', 'gas')),
  starts_at    INTEGER NOT NULL,
  ends_at      INTEGER NOT NULL,
  capacity     INTEGER NOT NULL CHECK (capacity > 0),
  booked       INTEGER NOT NULL DEFAULT 0,
  created_by   INTEGER NOT NULL,
  created_at   INTEGER NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (booked >= 0 AND booked <= capacity),
  UNIQUE (team_id, district_id, utility, starts_at)
);
CREATE INDEX appointment_slots_area ON appointment_slots (district_id, utility, starts_at);

CREATE TABLE appointments (
  id               INTEGER PRIMARY KEY,
  slot_id          INTEGER NOT NULL REFERENCES appointment_slots (id),
  service          TEXT    NOT NULL,
  state            TEXT    NOT NULL CHECK (state IN ('booked', 'cancelled', 'done')),
  channel          TEXT    NOT NULL CHECK (channel IN ('staff', 'portal')),
  customer_id      INTEGER NOT NULL REFERENCES customers (id),
  account_id       INTEGER NOT NULL REFERENCES accounts (id),
  account_no       TEXT    NOT NULL,
  district_id      INTEGER NOT NULL REFERENCES topology_nodes (id),
  team_id          INTEGER NOT NULL REFERENCES org_units (id),
  work_order_id    INTEGER NOT NULL UNIQUE,  -- the order it created; no foreign key, so 002 stays re-appliable alone
  starts_at        INTEGER NOT NULL,
  ends_at          INTEGER NOT NULL,
  note             TEXT    NOT NULL,
  reschedule_count INTEGER NOT NULL DEFAULT 0,
  created_by       INTEGER NOT NULL,  -- 0: the portal
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX appointments_slot ON appointments (slot_id);
CREATE INDEX appointments_account ON appointments (account_id, starts_at);
CREATE INDEX appointments_district ON appointments (district_id, starts_at);

CREATE TABLE appointment_changes (
  id             INTEGER PRIMARY KEY,
  appointment_id INTEGER NOT NULL REFERENCES appointments (id),
  at             INTEGER NOT NULL,
  actor_id       INTEGER NOT NULL,  -- 0: the portal or the system
  actor_name     TEXT    NOT NULL,
  action         TEXT    NOT NULL CHECK (action IN ('book', 'reschedule', 'cancel', 'complete')),
  from_slot_id   INTEGER REFERENCES appointment_slots (id),
  to_slot_id     INTEGER NOT NULL REFERENCES appointment_slots (id),
  starts_at      INTEGER NOT NULL,
  ends_at        INTEGER NOT NULL,
  note           TEXT    NOT NULL
);
CREATE INDEX appointment_changes_appointment ON appointment_changes (appointment_id, id);
