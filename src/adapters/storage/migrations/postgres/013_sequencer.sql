-- Staged audit records and events (ADR 0002, revised): a write inserts its audit records and
-- events here without any lock and commits, so commits can share a WAL flush; the sequencer
-- then moves them, in one transaction under the sequencing lock, into audit_log (ids and hash
-- links assigned from audit_head) and outbox (ids in staging order). Readers never see these
-- tables: an id becomes visible only when the sequencer's transaction commits.
CREATE TABLE audit_pending (
  pid            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             BIGINT  NOT NULL,
  actor_user_id  BIGINT,
  actor          TEXT    NOT NULL,
  remote_address TEXT    NOT NULL,
  action         TEXT    NOT NULL,
  entity_type    TEXT    NOT NULL,
  entity_id      TEXT    NOT NULL,
  before_json    TEXT    NOT NULL,
  after_json     TEXT    NOT NULL
);

CREATE TABLE outbox_pending (
  pid     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      BIGINT NOT NULL,
  topic   TEXT   NOT NULL,
  type    TEXT   NOT NULL,
  subject TEXT   NOT NULL,
  data    TEXT   NOT NULL
);
