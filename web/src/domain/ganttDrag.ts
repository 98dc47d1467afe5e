// Dragging a job on the day-plan Gantt: where a pointer is on the chart (which technician's row,
// which minute of the day), which job bar it grabbed, and where among the target technician's
// stops a dropped job falls (the `position` of the server's move check). The chart's grid and
// axes are laid out by ECharts from the same constants (GANTT_GRID, the day range, one category
// band per route, first route at the top), so pixel ↔ value is plain arithmetic here and the
// drag does not depend on ECharts internals.
import type { DayPlanRoute, DayPlanStop } from '@/api/dayPlans'

/** The Gantt grid's margins in px, shared with the chart option. */
export const GANTT_GRID = { left: 72, right: 16, top: 30, bottom: 26 }

export interface GanttFrame {
  /** The chart's size in px. */
  width: number
  height: number
  /** The time axis, minutes from local midnight. */
  from: number
  to: number
  rows: number
}

export interface GanttPoint {
  row: number
  minute: number
}

/** The plotting area: x, y, width and height in px. */
export function plotArea(f: GanttFrame): { x: number; y: number; w: number; h: number } {
  const w = Math.max(1, f.width - GANTT_GRID.left - GANTT_GRID.right)
  const h = Math.max(1, f.height - GANTT_GRID.top - GANTT_GRID.bottom)
  return { x: GANTT_GRID.left, y: GANTT_GRID.top, w, h }
}

/** The px column of a minute. */
export function minuteX(f: GanttFrame, minute: number): number {
  const a = plotArea(f)
  return a.x + ((minute - f.from) / Math.max(1, f.to - f.from)) * a.w
}

/** A row's band: its top and height in px. */
export function rowBand(f: GanttFrame, row: number): { top: number; height: number } {
  const a = plotArea(f)
  const height = a.h / Math.max(1, f.rows)
  return { top: a.y + row * height, height }
}

/**
 * The row and minute under a pixel; `clamp` pins a point outside the plot to its edge (while
 * dragging), otherwise such a point is null.
 */
export function pointAt(f: GanttFrame, x: number, y: number, clamp = false): GanttPoint | null {
  if (f.rows <= 0) return null
  const a = plotArea(f)
  const inside = x >= a.x && x <= a.x + a.w && y >= a.y && y <= a.y + a.h
  if (!inside && !clamp) return null
  const cx = Math.min(a.x + a.w, Math.max(a.x, x))
  const cy = Math.min(a.y + a.h, Math.max(a.y, y))
  const row = Math.min(f.rows - 1, Math.floor(((cy - a.y) / a.h) * f.rows))
  return { row, minute: f.from + ((cx - a.x) / a.w) * (f.to - f.from) }
}

/** The job bar of `row` that covers `minute` (a few minutes of slack for thin bars). */
export function jobAt(routes: readonly DayPlanRoute[], at: GanttPoint, slack = 3): DayPlanStop | null {
  const stops = routes[at.row]?.stops ?? []
  return stops.find((s) => at.minute >= s.start_minute - slack && at.minute <= s.end_minute + slack) ?? null
}

/**
 * Where a job dropped with its middle at `minute` goes among the technician's stops: the number
 * of their other stops (the job itself left out, as the server does) whose middle comes first.
 */
export function dropPosition(stops: readonly DayPlanStop[], orderId: number, minute: number): number {
  return stops.filter((s) => s.order_id !== orderId && (s.start_minute + s.end_minute) / 2 < minute).length
}

/** The job's current technician row and position, to tell a real move from a drop in place. */
export function placeOf(routes: readonly DayPlanRoute[], orderId: number): { row: number; position: number } | null {
  for (let row = 0; row < routes.length; row++) {
    const position = routes[row].stops.findIndex((s) => s.order_id === orderId)
    if (position >= 0) return { row, position }
  }
  return null
}
