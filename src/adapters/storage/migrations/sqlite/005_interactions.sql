-- Every contact with a customer, by any channel: docs/design/interactions.md.

CREATE TABLE interactions (
  id          INTEGER PRIMARY KEY,
  channel     TEXT    NOT NULL CHECK (channel IN ('phone', 'chat', 'sms', 'wechat', 'email',
                                                  'hotline_12345', 'portal', 'walk_in')),
  direction   TEXT    NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  customer_id INTEGER REFERENCES customers (id),
  account_id  INTEGER REFERENCES accounts (id),
  contact_enc BLOB,
  contact_idx TEXT,
  agent_id    INTEGER REFERENCES users (id),
  summary     TEXT    NOT NULL,
  started_at  INTEGER NOT NULL,
  ended_at    INTEGER NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX interactions_customer ON interactions (customer_id, started_at);
CREATE INDEX interactions_contact ON interactions (contact_idx);
