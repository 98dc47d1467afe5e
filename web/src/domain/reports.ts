// The reports screen as pure functions: the period and dimension chosen on screen → the query the
// server takes, a figure of the table → the drill-down query behind it, rates and durations as
// text, the chart series, prev/next period and the download's file name.
import type {
  ExportFormat,
  ReportFigures,
  ReportGroupBy,
  ReportMetric,
  ReportPeriod,
  ReportQuery,
  WorkOrderReport,
} from '@/api/reports'

export const PERIODS: readonly ReportPeriod[] = ['day', 'week', 'month', 'year', 'custom']
export const DIMENSIONS: readonly ReportGroupBy[] = [
  'none',
  'type',
  'category',
  'district',
  'department',
  'agent',
  'assignee',
  'day',
  'week',
  'month',
]
export const TIME_DIMENSIONS: readonly ReportGroupBy[] = ['day', 'week', 'month']

/** What the screen's pickers hold. Dates are YYYY-MM-DD. */
export interface ReportParams {
  period: ReportPeriod
  /** any day inside the period (day/week/month/year) */
  date: string
  /** first and last day, both included (custom) */
  range: [string, string] | null
  groupBy: ReportGroupBy
  depth: 1 | 2 | 3
  type?: string
  category?: string
  districtId?: number
  departmentId?: number
}

export function reportQuery(p: ReportParams): ReportQuery {
  const q: ReportQuery = { period: p.period, group_by: p.groupBy }
  if (p.period === 'custom') {
    if (p.range) {
      q.from = p.range[0]
      q.to = p.range[1]
    }
  } else if (p.date) {
    q.from = p.date
  }
  if (p.groupBy === 'category') q.depth = p.depth
  if (p.type) q.type = p.type
  if (p.category) q.category = p.category
  if (p.districtId) q.district_id = p.districtId
  if (p.departmentId) q.department_id = p.departmentId
  return q
}

/** A custom range the server accepts (both days, in order, at most 1100 days), else why not. */
export function rangeProblem(p: ReportParams): 'range_missing' | 'range_order' | 'range_long' | null {
  if (p.period !== 'custom') return null
  if (!p.range || !p.range[0] || !p.range[1]) return 'range_missing'
  const days = (Date.parse(p.range[1]) - Date.parse(p.range[0])) / 86_400_000
  if (!(days >= 0)) return 'range_order'
  if (days + 1 > 1100) return 'range_long'
  return null
}

/** What a drill-down is about: a group's key (none: the total) and a figure. */
export interface Drill {
  group?: string
  metric: ReportMetric
  customerId?: number
  /** a top category: narrows the report's own category filter */
  category?: string
}

/** The query of the orders behind a figure: the report's own parameters plus group and metric. */
export function drillQuery(base: ReportQuery, drill: Drill, offset = 0, limit = 20): ReportQuery {
  const q: ReportQuery = { ...base, metric: drill.metric, offset, limit }
  if (drill.group !== undefined) q.group = drill.group
  if (drill.customerId !== undefined) q.customer_id = drill.customerId
  if (drill.category !== undefined) q.category = drill.category
  return q
}

/** A drill-down's raw rows as a download: the same query, every page. */
export function drillExportQuery(base: ReportQuery, drill: Drill): ReportQuery {
  const q = drillQuery(base, drill)
  delete q.offset
  delete q.limit
  return q
}

/** The columns of the table: each a count that drills down to its orders. */
export interface FigureColumn {
  key: string
  metric: ReportMetric
  value: (f: ReportFigures) => number
  /** a rate shown beside the count */
  rate?: (f: ReportFigures) => number | null
}

export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { key: 'created', metric: 'created', value: (f) => f.created },
  { key: 'resolved', metric: 'resolved', value: (f) => f.resolved, rate: (f) => f.completion_rate },
  { key: 'closed', metric: 'closed', value: (f) => f.closed },
  { key: 'cancelled', metric: 'cancelled', value: (f) => f.cancelled },
  { key: 'open', metric: 'open', value: (f) => f.open_at_end },
  { key: 'response_met', metric: 'response_met', value: (f) => f.on_time.response.met, rate: (f) => f.on_time.response.rate },
  { key: 'arrival_met', metric: 'arrival_met', value: (f) => f.on_time.arrival.met, rate: (f) => f.on_time.arrival.rate },
  { key: 'resolution_met', metric: 'resolution_met', value: (f) => f.on_time.resolution.met, rate: (f) => f.on_time.resolution.rate },
  { key: 'resolution_missed', metric: 'resolution_missed', value: (f) => f.on_time.resolution.due - f.on_time.resolution.met },
  { key: 'rated', metric: 'rated', value: (f) => f.satisfaction.rated },
  { key: 'satisfied', metric: 'satisfied', value: (f) => f.satisfaction.satisfied, rate: (f) => f.satisfaction.satisfied_share },
  { key: 'unsatisfied', metric: 'unsatisfied', value: (f) => f.satisfaction.unsatisfied },
]

/** 0.9463 → "94.6%"; null (nothing to divide by) → "—". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/** 4.214 → "4.21"; null → "—". */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '—'
  return score.toFixed(2)
}

export type DurationUnit = 'minute' | 'hour' | 'day'

/** A duration in the unit people read it in: minutes under 2 h, hours under 3 days, then days. */
export function durationParts(ms: number | null | undefined): { value: string; unit: DurationUnit } | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return null
  const minutes = ms / 60_000
  if (minutes < 120) return { value: String(Math.round(minutes)), unit: 'minute' }
  const hours = minutes / 60
  if (hours < 72) return { value: hours.toFixed(1), unit: 'hour' }
  return { value: (hours / 24).toFixed(1), unit: 'day' }
}

/** Percent for a chart axis (0–100, one decimal), null stays a gap. */
export function percent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null
  return Math.round(rate * 1000) / 10
}

export interface ReportSeries {
  labels: string[]
  keys: string[]
  created: number[]
  resolved: number[]
  completion: (number | null)[]
  response: (number | null)[]
  arrival: (number | null)[]
  resolution: (number | null)[]
  /** time groupings draw lines over every bucket; others draw bars of the biggest groups */
  time: boolean
}

/**
 * The chart series of a report: one point per group (every bucket of a period grouping, in
 * order; the `limit` biggest groups otherwise — the server sorts them by created), or the total
 * alone without grouping.
 */
export function reportSeries(
  report: WorkOrderReport,
  limit = 15,
  noneLabel = '—',
  labelOf: (group: { key: string; label: string }) => string = (g) => g.label || g.key,
): ReportSeries {
  const time = TIME_DIMENSIONS.includes(report.group_by)
  const rows =
    report.group_by === 'none' || report.groups.length === 0
      ? [{ ...report.total, key: 'all', label: noneLabel }]
      : time
        ? report.groups
        : report.groups.slice(0, limit)
  return {
    labels: rows.map((g) => (time ? shortDay(g.key) : g.key === 'all' ? noneLabel : labelOf(g))),
    keys: rows.map((g) => g.key),
    created: rows.map((g) => g.created),
    resolved: rows.map((g) => g.resolved),
    completion: rows.map((g) => percent(g.completion_rate)),
    response: rows.map((g) => percent(g.on_time.response.rate)),
    arrival: rows.map((g) => percent(g.on_time.arrival.rate)),
    resolution: rows.map((g) => percent(g.on_time.resolution.rate)),
    time,
  }
}

/** "2026-11-05" → "11-05"; a month key stays as it is. */
function shortDay(key: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(key) ? key.slice(5) : key
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The same kind of period `delta` steps away: a day, a week, a month or a year. */
export function shiftDate(period: ReportPeriod, date: string, delta: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  let y = Number(m[1])
  let mo = Number(m[2]) - 1
  let d = Number(m[3])
  if (period === 'day' || period === 'week' || period === 'custom') {
    const t = Date.UTC(y, mo, d) + delta * (period === 'week' ? 7 : 1) * 86_400_000
    const n = new Date(t)
    return `${n.getUTCFullYear()}-${pad(n.getUTCMonth() + 1)}-${pad(n.getUTCDate())}`
  }
  if (period === 'month') mo += delta
  else y += delta
  y += Math.floor(mo / 12)
  mo = ((mo % 12) + 12) % 12
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate()
  d = Math.min(d, last)
  return `${y}-${pad(mo + 1)}-${pad(d)}`
}

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function localToday(now: number): string {
  const n = new Date(now + 8 * 3_600_000)
  return `${n.getUTCFullYear()}-${pad(n.getUTCMonth() + 1)}-${pad(n.getUTCDate())}`
}

/** The file name the server gives its download (its stem: YYYY-MM, YYYY or the first day). */
export function exportFileName(kind: 'report' | 'rows', period: ReportPeriod, firstDay: string, format: ExportFormat): string {
  const stem = period === 'month' ? firstDay.slice(0, 7) : period === 'year' ? firstDay.slice(0, 4) : firstDay
  return `${kind === 'report' ? '工单报表' : '工单明细'}-${stem}.${format}`
}

type RouteQuery = Record<string, string | null | (string | null)[] | undefined>
const first = (v: RouteQuery[string]) => (Array.isArray(v) ? v[0] : v) ?? undefined
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The screen's pickers from the page address (a shared link), anything unknown left as `fallback`. */
export function paramsFromRoute(query: RouteQuery, fallback: ReportParams): ReportParams {
  const p: ReportParams = { ...fallback }
  const period = first(query.period)
  if (period && (PERIODS as readonly string[]).includes(period)) p.period = period as ReportPeriod
  const from = first(query.from)
  const to = first(query.to)
  if (p.period === 'custom') p.range = from && to && DATE.test(from) && DATE.test(to) ? [from, to] : fallback.range
  else if (from && DATE.test(from)) p.date = from
  const by = first(query.group_by)
  if (by && (DIMENSIONS as readonly string[]).includes(by)) p.groupBy = by as ReportGroupBy
  const depth = Number(first(query.depth))
  if (depth === 1 || depth === 2 || depth === 3) p.depth = depth
  const type = first(query.type)
  if (type) p.type = type
  const category = first(query.category)
  if (category) p.category = category
  const district = Number(first(query.district_id))
  if (Number.isInteger(district) && district > 0) p.districtId = district
  return p
}

/** The page address's query for the pickers: the report's own query, as strings. */
export function routeFromParams(p: ReportParams): Record<string, string> {
  return Object.fromEntries(Object.entries(reportQuery(p)).map(([k, v]) => [k, String(v)]))
}
