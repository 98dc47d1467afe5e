-- Field technicians as dispatch sees them: trades with levels, the working day, depot, van,
-- and the last reported position. docs/design/dispatch.md ("The product layer").

CREATE TABLE technicians (
  user_id           INTEGER PRIMARY KEY REFERENCES users (id),
  shift_start       INTEGER NOT NULL,  -- minutes from local midnight
  shift_end         INTEGER NOT NULL,
  break_earliest    INTEGER,
  break_latest      INTEGER,
  break_minutes     INTEGER NOT NULL DEFAULT 0,
  depot_x_km        REAL    NOT NULL,
  depot_y_km        REAL    NOT NULL,
  van_capacity      INTEGER NOT NULL,
  on_duty           INTEGER NOT NULL DEFAULT 1,
  position_x_km     REAL,
  position_y_km     REAL,
  position_at       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE technician_skills (
  user_id INTEGER NOT NULL REFERENCES technicians (user_id),
  trade   TEXT    NOT NULL CHECK (trade IN ('pipe_repair', 'meter', 'gas_safety', 'heat_valve')),
  level   INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (user_id, trade)
);
