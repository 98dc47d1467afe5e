-- Work-order attachments (the bytes are files under <data>/attachments/ by SHA-256), the
-- customer's own rating of an order, and finding the orders a contact created.
-- docs/design/attachments.md, docs/design/work-orders.md.

CREATE TABLE work_order_attachments (
  id           INTEGER PRIMARY KEY,
  order_id     INTEGER NOT NULL REFERENCES work_orders (id),
  name         TEXT    NOT NULL,
  content_type TEXT    NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp',
                                                        'application/pdf')),
  size         INTEGER NOT NULL CHECK (size > 0),
  sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
  uploaded_by  INTEGER REFERENCES users (id),  -- NULL: the customer, by tracking code
  uploaded_at  INTEGER NOT NULL
);
CREATE INDEX work_order_attachments_order ON work_order_attachments (order_id, id);

ALTER TABLE work_orders ADD COLUMN customer_rating INTEGER CHECK (customer_rating BETWEEN 1 AND 5);
ALTER TABLE work_orders ADD COLUMN customer_comment TEXT;
ALTER TABLE work_orders ADD COLUMN rated_at INTEGER;

CREATE INDEX work_orders_interaction ON work_orders (interaction_id);
