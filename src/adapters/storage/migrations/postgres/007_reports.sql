-- Reports on work orders (docs/design/reports.md). Every report reads the orders created in a
-- period, so the period leads; the filter and grouping columns follow, so the top-categories
-- and repeat-caller statements are answered from the index alone.
CREATE INDEX work_orders_report ON work_orders (created_at, type, category, district_id,
  department_id, assignee_id, created_by, customer_id, contact_phone_idx);
