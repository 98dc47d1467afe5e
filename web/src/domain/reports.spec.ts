import { describe, expect, it } from 'vitest'
import type { ReportFigures, WorkOrderReport } from '@/api/reports'
import {
  drillExportQuery,
  drillQuery,
  durationParts,
  exportFileName,
  FIGURE_COLUMNS,
  formatRate,
  formatScore,
  localToday,
  paramsFromRoute,
  routeFromParams,
  rangeProblem,
  reportQuery,
  reportSeries,
  shiftDate,
  type ReportParams,
} from './reports'

const params = (over: Partial<ReportParams> = {}): ReportParams => ({
  period: 'month',
  date: '2026-11-15',
  range: null,
  groupBy: 'district',
  depth: 1,
  ...over,
})

function figures(created: number, resolved: number, rate: number | null = null): ReportFigures {
  return {
    created,
    resolved,
    closed: resolved - 1,
    cancelled: 1,
    merged: 0,
    open_at_end: created - resolved - 1,
    completion_rate: rate,
    on_time: {
      response: { due: created, met: created - 2, rate: 0.9 },
      arrival: { due: 0, met: 0, rate: null },
      resolution: { due: created, met: resolved - 3, rate: 0.5 },
    },
    resolve_time: { count: resolved, mean_ms: 3_600_000, p90_ms: 7_200_000 },
    satisfaction: { rated: 4, mean: 4.5, satisfied: 3, satisfied_share: 0.75, unsatisfied: 1 },
  }
}

function report(groupBy: WorkOrderReport['group_by'], groups: [string, string, number][]): WorkOrderReport {
  return {
    period: 'month',
    from: '2026-11-01',
    to: '2026-11-30',
    from_ms: 0,
    to_ms: 1,
    time_zone: 'UTC+08:00',
    group_by: groupBy,
    depth: 1,
    total: figures(100, 80, 0.8163),
    groups: groups.map(([key, label, created]) => ({ key, label, ...figures(created, created - 2, 0.5) })),
    top_categories: [],
    repeat_callers: { callers: 0, orders: 0, top: [] },
  }
}

describe('report query', () => {
  it('sends a period by any day inside it, and depth only for categories', () => {
    expect(reportQuery(params())).toEqual({ period: 'month', from: '2026-11-15', group_by: 'district' })
    expect(reportQuery(params({ groupBy: 'category', depth: 2, type: 'repair', districtId: 7 }))).toEqual({
      period: 'month',
      from: '2026-11-15',
      group_by: 'category',
      depth: 2,
      type: 'repair',
      district_id: 7,
    })
  })
  it('sends both days of a custom range', () => {
    expect(reportQuery(params({ period: 'custom', range: ['2026-11-01', '2026-11-20'] }))).toMatchObject({
      period: 'custom',
      from: '2026-11-01',
      to: '2026-11-20',
    })
  })
  it('checks a custom range before asking', () => {
    expect(rangeProblem(params())).toBeNull()
    expect(rangeProblem(params({ period: 'custom' }))).toBe('range_missing')
    expect(rangeProblem(params({ period: 'custom', range: ['2026-11-20', '2026-11-01'] }))).toBe('range_order')
    expect(rangeProblem(params({ period: 'custom', range: ['2023-01-01', '2026-11-01'] }))).toBe('range_long')
    expect(rangeProblem(params({ period: 'custom', range: ['2026-11-01', '2026-11-01'] }))).toBeNull()
  })
})

describe('drill-down', () => {
  const base = reportQuery(params())
  it('passes the report back with the group key and the figure', () => {
    expect(drillQuery(base, { group: '17', metric: 'resolution_missed' }, 20, 20)).toEqual({
      ...base,
      group: '17',
      metric: 'resolution_missed',
      offset: 20,
      limit: 20,
    })
  })
  it('leaves the group out for the total and adds a repeat caller', () => {
    const q = drillQuery(base, { metric: 'created', customerId: 5 })
    expect(q.group).toBeUndefined()
    expect(q.customer_id).toBe(5)
    expect(drillQuery({ ...base, category: 'water' }, { metric: 'created', category: 'water.leak.pipe' }).category).toBe('water.leak.pipe')
  })
  it('exports every row without paging', () => {
    const q = drillExportQuery(base, { group: 'none', metric: 'open' })
    expect(q).toEqual({ ...base, group: 'none', metric: 'open' })
  })
  it('has a drillable metric for every column, counts from the figures', () => {
    const f = figures(10, 8)
    const byKey = Object.fromEntries(FIGURE_COLUMNS.map((c) => [c.key, c.value(f)]))
    expect(byKey.created).toBe(10)
    expect(byKey.open).toBe(1)
    expect(byKey.response_met).toBe(8)
    expect(byKey.resolution_missed).toBe(10 - 5)
    expect(byKey.unsatisfied).toBe(1)
  })
})

describe('formatting', () => {
  it('shows rates as percent with one decimal, nothing to divide as a dash', () => {
    expect(formatRate(0.9463)).toBe('94.6%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(0)).toBe('0.0%')
    expect(formatRate(null)).toBe('—')
    expect(formatScore(4.214)).toBe('4.21')
    expect(formatScore(null)).toBe('—')
  })
  it('shows durations in minutes, hours or days', () => {
    expect(durationParts(45 * 60_000)).toEqual({ value: '45', unit: 'minute' })
    expect(durationParts(15_300_000)).toEqual({ value: '4.3', unit: 'hour' })
    expect(durationParts(5 * 86_400_000)).toEqual({ value: '5.0', unit: 'day' })
    expect(durationParts(null)).toBeNull()
  })
})

describe('chart series', () => {
  it('draws every bucket of a period grouping as a line, in order', () => {
    const s = reportSeries(report('day', [['2026-11-01', '11月1日', 3], ['2026-11-02', '11月2日', 0]]))
    expect(s.time).toBe(true)
    expect(s.labels).toEqual(['11-01', '11-02'])
    expect(s.keys).toEqual(['2026-11-01', '2026-11-02'])
    expect(s.created).toEqual([3, 0])
    expect(s.completion).toEqual([50, 50])
    expect(s.arrival).toEqual([null, null])
  })
  it('draws the biggest groups as bars, the total without grouping', () => {
    const many = Array.from({ length: 20 }, (_, i): [string, string, number] => [String(i), `区${i}`, 20 - i])
    const s = reportSeries(report('district', many), 5)
    expect(s.time).toBe(false)
    expect(s.labels).toEqual(['区0', '区1', '区2', '区3', '区4'])
    expect(reportSeries(report('type', [['repair', '报修', 3]]), 5, '', (g) => g.key.toUpperCase()).labels).toEqual(['REPAIR'])
    const total = reportSeries(report('none', []), 5, '合计')
    expect(total.labels).toEqual(['合计'])
    expect(total.created).toEqual([100])
    expect(total.completion).toEqual([81.6])
  })
})

describe('periods and files', () => {
  it('steps a period back and forth', () => {
    expect(shiftDate('day', '2026-03-01', -1)).toBe('2026-02-28')
    expect(shiftDate('week', '2026-11-30', 1)).toBe('2026-12-07')
    expect(shiftDate('month', '2026-01-31', -1)).toBe('2025-12-31')
    expect(shiftDate('month', '2026-03-31', -1)).toBe('2026-02-28')
    expect(shiftDate('month', '2026-12-15', 1)).toBe('2027-01-15')
    expect(shiftDate('year', '2024-02-29', 1)).toBe('2025-02-28')
  })
  it('knows today in Shanghai', () => {
    expect(localToday(Date.UTC(2026, 10, 30, 16, 30))).toBe('2026-12-01')
    expect(localToday(Date.UTC(2026, 10, 30, 15, 59))).toBe('2026-11-30')
  })
  it('names the download like the server', () => {
    expect(exportFileName('report', 'month', '2026-11-01', 'xlsx')).toBe('工单报表-2026-11.xlsx')
    expect(exportFileName('rows', 'year', '2026-01-01', 'csv')).toBe('工单明细-2026.csv')
    expect(exportFileName('report', 'week', '2026-11-30', 'csv')).toBe('工单报表-2026-11-30.csv')
  })
})

describe('the page address', () => {
  const fallback = params({ groupBy: 'day' })
  it('round-trips the pickers', () => {
    const p = params({ period: 'custom', range: ['2026-11-01', '2026-11-30'], groupBy: 'category', depth: 2, districtId: 4, type: 'repair' })
    expect(paramsFromRoute(routeFromParams(p), fallback)).toEqual(p)
    expect(routeFromParams(params())).toEqual({ period: 'month', from: '2026-11-15', group_by: 'district' })
  })
  it('ignores what it does not know', () => {
    expect(paramsFromRoute({ period: 'decade', from: 'yesterday', group_by: 'x', depth: '9', district_id: 'abc' }, fallback)).toEqual(fallback)
    expect(paramsFromRoute({ period: 'custom', from: '2026-11-01' }, fallback).range).toBeNull()
  })
})
