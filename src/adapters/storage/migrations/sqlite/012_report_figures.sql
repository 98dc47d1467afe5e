-- Reports read the figures from the index alone (docs/design/reports.md, "Speed"): the period
-- leads, the filter and grouping columns follow, then every column a figure reads, so a year's
-- scan never touches the table. It replaces the narrower index of migration 007.
DROP INDEX work_orders_report;
CREATE INDEX work_orders_report ON work_orders (created_at, type, category, district_id,
  department_id, assignee_id, created_by, customer_id, contact_phone_idx, state, resolved_at,
  closed_at, due_response_at, responded_at, due_arrival_at, arrived_at, due_resolution_at,
  satisfaction);
