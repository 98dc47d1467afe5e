// Pure helpers for the day-plan screens: clock text, the Gantt bars of each technician's day
// (travel, waiting, work, break), the map's routes on the city plane, and local dates.
import type { DayPlan, DayPlanRoute } from '@/api/dayPlans'

/** The server's straight-line travel model: road = 1.35 × straight line, 25 km/h. */
export const DETOUR = 1.35
export const SPEED_KMH = 25

export type BarKind = 'travel' | 'wait' | 'job' | 'break'

export interface GanttBar {
  row: number
  kind: BarKind
  start: number
  end: number
  order_id?: number
  label: string
}

/** 545 → "09:05" */
export function clock(minute: number): string {
  const m = Math.max(0, Math.round(minute))
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

export function travelMinutes(a: { x_km: number; y_km: number }, b: { x_km: number; y_km: number }): number {
  return (Math.hypot(a.x_km - b.x_km, a.y_km - b.y_km) * DETOUR * 60) / SPEED_KMH
}

/**
 * One row per technician: a travel bar ending at each arrival (never before the previous job
 * ends), a wait bar until the window lets work start, the job, and the break.
 */
export function ganttBars(plan: Pick<DayPlan, 'routes'>): GanttBar[] {
  const bars: GanttBar[] = []
  plan.routes.forEach((route, row) => {
    let free = route.departure_minute
    let at: { x_km: number; y_km: number } | null = null
    for (const stop of route.stops) {
      const drive = at ? travelMinutes(at, stop) : stop.arrival_minute - free
      const from = Math.max(free, stop.arrival_minute - drive)
      if (stop.arrival_minute > from) bars.push({ row, kind: 'travel', start: from, end: stop.arrival_minute, order_id: stop.order_id, label: '' })
      if (stop.start_minute > stop.arrival_minute) bars.push({ row, kind: 'wait', start: stop.arrival_minute, end: stop.start_minute, order_id: stop.order_id, label: '' })
      bars.push({ row, kind: 'job', start: stop.start_minute, end: stop.end_minute, order_id: stop.order_id, label: stop.number ?? String(stop.order_id) })
      free = stop.end_minute
      at = stop
    }
    if (route.break_start_minute !== null && route.break_minutes > 0) {
      bars.push({ row, kind: 'break', start: route.break_start_minute, end: route.break_start_minute + route.break_minutes, label: '' })
    }
    const last = route.stops.at(-1)
    if (last && route.return_minute > free) {
      const back = Math.max(free, route.break_start_minute !== null && route.break_start_minute >= free ? route.break_start_minute + route.break_minutes : free)
      if (route.return_minute > back) bars.push({ row, kind: 'travel', start: back, end: route.return_minute, label: '' })
    }
  })
  return bars
}

/** The hours the chart shows: whole hours around every route, at least 08:00–18:00. */
export function dayRange(plan: Pick<DayPlan, 'routes'>): [number, number] {
  let from = 8 * 60
  let to = 18 * 60
  for (const r of plan.routes) {
    from = Math.min(from, r.departure_minute)
    to = Math.max(to, r.return_minute)
  }
  return [Math.floor(from / 60) * 60, Math.ceil(to / 60) * 60]
}

/** Each technician's stops in order as a path on the city plane, for the map. */
export function routePaths(routes: DayPlanRoute[]): { name: string; points: [number, number][] }[] {
  return routes.map((r) => ({ name: r.name, points: r.stops.map((s) => [s.x_km, s.y_km] as [number, number]) }))
}

/** The local calendar day of `at` as YYYY-MM-DD. */
export function isoDay(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`
}

/** "09:00–11:00" */
export function windowText(stop: { window_start_minute: number; window_end_minute: number }): string {
  return `${clock(stop.window_start_minute)}–${clock(stop.window_end_minute)}`
}

/** The unit and every unit under it (the server plans a unit's whole subtree). */
export function unitsUnder(units: readonly { id: number; parent_id: number | null }[], root: number): Set<number> {
  const inside = new Set([root])
  for (let grew = true; grew; ) {
    grew = false
    for (const u of units) {
      if (u.parent_id !== null && inside.has(u.parent_id) && !inside.has(u.id)) {
        inside.add(u.id)
        grew = true
      }
    }
  }
  return inside
}

/** The units a day can be planned for: each crew's parent unit, then the crews, without repeats. */
export function planningUnits(units: readonly { id: number; parent_id: number | null }[], crews: number[]): number[] {
  const parent = new Map(units.map((u) => [u.id, u.parent_id]))
  const out: number[] = []
  for (const id of crews) {
    const p = parent.get(id)
    if (p !== null && p !== undefined && !out.includes(p)) out.push(p)
  }
  for (const id of crews) if (!out.includes(id)) out.push(id)
  return out
}

/**
 * The planning units that cover `unit` (an order's department): the unit itself and the units
 * above it, nearest first, kept only when a day can be planned for them.
 */
export function planningUnitsAbove(units: readonly { id: number; parent_id: number | null }[], planning: readonly number[], unit: number | null): number[] {
  const parent = new Map(units.map((u) => [u.id, u.parent_id]))
  const out: number[] = []
  for (let at: number | null | undefined = unit; at !== null && at !== undefined && !out.includes(at); at = parent.get(at)) {
    if (planning.includes(at)) out.push(at)
  }
  return out
}
