// The audit log screen's logic: turning the filter form into the query, and a record's
// before/after into the fields that changed.
import type { AuditQuery } from '@/api/types'

export interface AuditFilters {
  actor: string
  action: string
  entity_type: string
  entity_id: string
  range: [Date, Date] | null
}

export const PAGE_SIZE = 50

export function emptyFilters(): AuditFilters {
  return { actor: '', action: '', entity_type: '', entity_id: '', range: null }
}

export function toQuery(filters: AuditFilters, beforeId?: number): AuditQuery {
  const query: AuditQuery = { limit: PAGE_SIZE }
  const text = (v: string) => v.trim() || undefined
  query.actor = text(filters.actor)
  query.action = text(filters.action)
  query.entity_type = text(filters.entity_type)
  query.entity_id = text(filters.entity_id)
  if (filters.range) {
    query.from = filters.range[0].getTime()
    query.to = filters.range[1].getTime()
  }
  if (beforeId !== undefined) query.before_id = beforeId
  return query
}

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

export function changes(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const b = before && typeof before === 'object' ? before : {}
  const a = after && typeof after === 'object' ? after : {}
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((field) => ({ field, before: b[field], after: a[field] }))
}

export function showValue(value: unknown): string {
  if (value === undefined) return '—'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}
