-- Field technicians as dispatch sees them: trades with levels, the working day, depot, van,
-- and the last reported position. docs/design/dispatch.md ("The product layer").

CREATE TABLE technicians (
  user_id           BIGINT PRIMARY KEY REFERENCES users (id),
  shift_start       BIGINT  NOT NULL,  -- minutes from local midnight
  shift_end         BIGINT  NOT NULL,
  break_earliest    BIGINT,
  break_latest      BIGINT,
  break_minutes     BIGINT  NOT NULL DEFAULT 0,
  depot_x_km        DOUBLE PRECISION NOT NULL,
  depot_y_km        DOUBLE PRECISION NOT NULL,
  van_capacity      BIGINT  NOT NULL,
  on_duty           BIGINT  NOT NULL DEFAULT 1,
  position_x_km     DOUBLE PRECISION,
  position_y_km     DOUBLE PRECISION,
  position_at       BIGINT  NOT NULL DEFAULT 0
);

CREATE TABLE technician_skills (
  user_id BIGINT  NOT NULL REFERENCES technicians (user_id),
  trade   TEXT    NOT NULL CHECK (trade IN ('pipe_repair', 'meter', 'gas_safety', 'heat_valve')),
  level   BIGINT  NOT NULL CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (user_id, trade)
);
