-- Staged audit records and events exist on PostgreSQL only (ADR 0002): SQLite's single writer
-- appends to audit_log and outbox directly, in commit order. This migration keeps the numbering
-- of the two folders in step.
SELECT 1;
