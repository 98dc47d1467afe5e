-- Reports read the figures from the index alone (docs/design/reports.md, "Speed"): the period
-- is the key, the filter, grouping and figure columns ride along (INCLUDE), so a year's scan is
-- an index-only scan. It replaces the narrower index of migration 007.
DROP INDEX work_orders_report;
CREATE INDEX work_orders_report ON work_orders (created_at) INCLUDE (type, category,
  district_id, department_id, assignee_id, created_by, customer_id, contact_phone_idx, state,
  resolved_at, closed_at, due_response_at, responded_at, due_arrival_at, arrived_at,
  due_resolution_at, satisfaction);
-- Reports group by the resolve-time bucket (core/reports/duration_histogram.h). Without
-- statistics on that expression the planner guesses one group per order, sorts the whole period
-- and spills it to disk; with them it knows there are a few hundred and hashes. The expression
-- must stay the same as the bucket in sql_report_repository.cpp.
CREATE STATISTICS work_orders_resolve_bucket ON (CASE
  WHEN (resolved_at - created_at) < 7200000 THEN (resolved_at - created_at) / 60000
  WHEN (resolved_at - created_at) < 86400000 THEN (resolved_at - created_at) / 600000 * 10
  WHEN (resolved_at - created_at) < 864000000 THEN (resolved_at - created_at) / 3600000 * 60
  ELSE (resolved_at - created_at) / 86400000 * 1440 END) FROM work_orders;
