-- Stored day plans: one per team and local day, replaced whole on every re-plan; the stops keep
-- the window announced to the customer. docs/design/dispatch.md ("The stored day plan").

CREATE TABLE day_plans (
  id          INTEGER PRIMARY KEY,
  team_id     INTEGER NOT NULL REFERENCES org_units (id),
  day         INTEGER NOT NULL,  -- yyyymmdd, local
  revision    INTEGER NOT NULL CHECK (revision > 0),
  planned_by  INTEGER NOT NULL,
  planned_at  INTEGER NOT NULL,
  km          REAL    NOT NULL,
  UNIQUE (team_id, day)
);

CREATE TABLE day_plan_routes (
  plan_id          INTEGER NOT NULL REFERENCES day_plans (id),
  user_id          INTEGER NOT NULL REFERENCES users (id),
  departure_minute INTEGER NOT NULL,
  return_minute    INTEGER NOT NULL,
  break_start      INTEGER,
  break_minutes    INTEGER NOT NULL,
  km               REAL    NOT NULL,
  PRIMARY KEY (plan_id, user_id)
);

CREATE TABLE day_plan_stops (
  plan_id          INTEGER NOT NULL REFERENCES day_plans (id),
  work_order_id    INTEGER NOT NULL,
  user_id          INTEGER REFERENCES users (id),  -- NULL: unplanned, see reason
  sequence         INTEGER NOT NULL,
  arrival_minute   INTEGER NOT NULL,
  start_minute     INTEGER NOT NULL,
  end_minute       INTEGER NOT NULL,
  window_start     INTEGER NOT NULL,  -- the announced window, minutes from local midnight
  window_end       INTEGER NOT NULL,
  x_km             REAL    NOT NULL,
  y_km             REAL    NOT NULL,
  duration_minutes INTEGER NOT NULL,
  trade            TEXT    NOT NULL CHECK (trade IN ('pipe_repair', 'meter', 'gas_safety', 'heat_valve')),
  booked           INTEGER NOT NULL,
  reason           TEXT    NOT NULL,
  PRIMARY KEY (plan_id, work_order_id)
);
CREATE INDEX day_plan_stops_user ON day_plan_stops (user_id, plan_id);
CREATE INDEX day_plan_stops_order ON day_plan_stops (work_order_id);
