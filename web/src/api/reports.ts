// Work-order reports (docs/design/reports.md): the figures of a period grouped one way, the
// orders behind one figure, and both as CSV / XLSX downloads (fetched with the Bearer token as a
// blob — a plain link could not send it).
import { request, requestBlob } from './http'
import { routes } from './routes'
import type { Priority, WorkOrderState, WorkOrderType } from './types'

export type ReportPeriod = 'day' | 'week' | 'month' | 'year' | 'custom'
export type ReportGroupBy =
  | 'none'
  | 'type'
  | 'category'
  | 'district'
  | 'department'
  | 'agent'
  | 'assignee'
  | 'day'
  | 'week'
  | 'month'
export type ReportMetric =
  | 'created'
  | 'resolved'
  | 'closed'
  | 'cancelled'
  | 'merged'
  | 'open'
  | 'response_met'
  | 'response_missed'
  | 'arrival_met'
  | 'arrival_missed'
  | 'resolution_met'
  | 'resolution_missed'
  | 'rated'
  | 'satisfied'
  | 'unsatisfied'
export type ExportFormat = 'csv' | 'xlsx'

export interface ReportOnTime {
  due: number
  met: number
  rate: number | null
}

export interface ReportFigures {
  created: number
  resolved: number
  closed: number
  cancelled: number
  merged: number
  open_at_end: number
  completion_rate: number | null
  on_time: { response: ReportOnTime; arrival: ReportOnTime; resolution: ReportOnTime }
  resolve_time: { count: number; mean_ms: number | null; p90_ms: number | null }
  satisfaction: {
    rated: number
    mean: number | null
    satisfied: number
    satisfied_share: number | null
    unsatisfied: number
  }
}

export interface ReportGroup extends ReportFigures {
  key: string
  label: string
}

export interface WorkOrderReport {
  period: ReportPeriod
  from: string
  to: string
  from_ms: number
  to_ms: number
  time_zone: string
  group_by: ReportGroupBy
  depth: number
  total: ReportFigures
  groups: ReportGroup[]
  top_categories: { category: string; label: string; orders: number; share: number | null }[]
  repeat_callers: { callers: number; orders: number; top: { customer_id: number | null; orders: number }[] }
}

export interface ReportOrder {
  id: number
  number: string
  type: WorkOrderType
  category: string
  category_path: string
  priority: Priority
  state: WorkOrderState
  title: string
  district_id: number | null
  department_id: number | null
  assignee_id: number | null
  created_by: number | null
  customer_id: number | null
  created_at: number
  due_response_at: number | null
  due_arrival_at: number | null
  due_resolution_at: number | null
  responded_at: number | null
  arrived_at: number | null
  resolved_at: number | null
  closed_at: number | null
  satisfaction: number | null
}

export interface ReportOrderPage {
  items: ReportOrder[]
  total: number
  offset: number
  limit: number
}

/** Query parameters as the server takes them (built by domain/reports.ts). */
export type ReportQuery = Record<string, string | number | undefined>

export function getWorkOrderReport(query: ReportQuery, signal?: AbortSignal): Promise<WorkOrderReport> {
  return request(routes.workOrderReport, { query, signal })
}

export function getReportOrders(query: ReportQuery, signal?: AbortSignal): Promise<ReportOrderPage> {
  return request(routes.workOrderReportOrders, { query, signal })
}

/** The report table (one row per group and 合计) as a file. */
export function downloadReport(query: ReportQuery, format: ExportFormat): Promise<Blob> {
  return requestBlob(routes.workOrderReport, { query: { ...query, format } })
}

/** Every order behind a figure (or the whole cohort) as a file. */
export function downloadReportOrders(query: ReportQuery, format: ExportFormat): Promise<Blob> {
  return requestBlob(routes.workOrderReportOrders, { query: { ...query, format } })
}
