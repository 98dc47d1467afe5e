-- Staff notifications, the customer-message outbox, opt-outs and the consumer's cursor:
-- docs/design/notifications.md.

CREATE TABLE notifications (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  kind       TEXT    NOT NULL,
  order_id   INTEGER REFERENCES work_orders (id),
  params     TEXT    NOT NULL,
  event_id   INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  read_at    INTEGER,
  UNIQUE (event_id, user_id, kind)
);
CREATE INDEX notifications_inbox ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id, id) WHERE read_at IS NULL;

CREATE TABLE customer_messages (
  id              INTEGER PRIMARY KEY,
  order_id        INTEGER REFERENCES work_orders (id),
  customer_id     INTEGER REFERENCES customers (id),
  channel         TEXT    NOT NULL CHECK (channel IN ('sms', 'wechat', 'email')),
  recipient_enc   BLOB    NOT NULL,
  recipient_idx   TEXT    NOT NULL,
  template        TEXT    NOT NULL,
  params          TEXT    NOT NULL,
  state           TEXT    NOT NULL CHECK (state IN ('queued', 'sent', 'failed', 'suppressed')),
  suppressed      TEXT    CHECK (suppressed IN ('opted_out', 'throttled')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT    NOT NULL DEFAULT '',
  provider_ref    TEXT    NOT NULL DEFAULT '',
  idempotency_key TEXT    NOT NULL UNIQUE,
  event_id        INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  held_until      INTEGER,
  sent_at         INTEGER
);
CREATE INDEX customer_messages_due ON customer_messages (next_attempt_at) WHERE state = 'queued';
CREATE INDEX customer_messages_recipient ON customer_messages (recipient_idx, created_at);
CREATE INDEX customer_messages_order ON customer_messages (order_id, id);

CREATE TABLE customer_message_opt_outs (
  customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
  created_by  INTEGER NOT NULL,
  created_at  INTEGER NOT NULL
);

-- Starts at the end of the outbox as it is when the table appears: an upgraded installation
-- does not message customers about orders handled before it had a notifier.
CREATE TABLE notification_cursors (
  name       TEXT    PRIMARY KEY,
  position   INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO notification_cursors (name, position, updated_at)
  SELECT 'notifications', COALESCE(MAX(id), 0), 0 FROM outbox;
