import { describe, expect, it } from 'vitest'
import type { DayPlanRoute, DayPlanStop } from '@/api/dayPlans'
import { GANTT_GRID, dropPosition, jobAt, minuteX, placeOf, pointAt, rowBand, type GanttFrame } from './ganttDrag'

function stop(order_id: number, start: number, minutes = 60): DayPlanStop {
  return {
    order_id,
    sequence: 0,
    arrival_minute: start,
    start_minute: start,
    end_minute: start + minutes,
    window_start_minute: start,
    window_end_minute: start + 120,
    x_km: 0,
    y_km: 0,
    duration_minutes: minutes,
    trade: 'pipe_repair',
    booked: false,
  }
}

function route(user_id: number, stops: DayPlanStop[]): DayPlanRoute {
  return { user_id, name: `师傅${user_id}`, departure_minute: 480, return_minute: 1080, break_start_minute: null, break_minutes: 0, km: 0, stops }
}

// 600 minutes over 600 px of plot, two rows of 50 px each.
const frame: GanttFrame = { width: 600 + GANTT_GRID.left + GANTT_GRID.right, height: 100 + GANTT_GRID.top + GANTT_GRID.bottom, from: 480, to: 1080, rows: 2 }

describe('Gantt geometry', () => {
  it('maps minutes to columns and rows to bands', () => {
    expect(minuteX(frame, 480)).toBe(GANTT_GRID.left)
    expect(minuteX(frame, 780)).toBe(GANTT_GRID.left + 300)
    expect(rowBand(frame, 1)).toEqual({ top: GANTT_GRID.top + 50, height: 50 })
  })
  it('reads the row and minute under a pixel, the first row at the top', () => {
    expect(pointAt(frame, GANTT_GRID.left + 120, GANTT_GRID.top + 10)).toEqual({ row: 0, minute: 600 })
    expect(pointAt(frame, GANTT_GRID.left + 120, GANTT_GRID.top + 60)).toEqual({ row: 1, minute: 600 })
  })
  it('is null outside the plot unless clamped to its edge', () => {
    expect(pointAt(frame, 5, GANTT_GRID.top + 10)).toBeNull()
    expect(pointAt(frame, 5, 500, true)).toEqual({ row: 1, minute: 480 })
    expect(pointAt({ ...frame, rows: 0 }, 100, 50, true)).toBeNull()
  })
})

describe('jobAt', () => {
  const routes = [route(1, [stop(10, 540), stop(11, 660)]), route(2, [stop(20, 600)])]
  it('finds the job bar under the point in that row', () => {
    expect(jobAt(routes, { row: 0, minute: 700 })?.order_id).toBe(11)
    expect(jobAt(routes, { row: 1, minute: 610 })?.order_id).toBe(20)
  })
  it('is null between bars and in rows without one', () => {
    expect(jobAt(routes, { row: 0, minute: 630 })).toBeNull()
    expect(jobAt(routes, { row: 5, minute: 600 })).toBeNull()
  })
})

describe('dropPosition', () => {
  const stops = [stop(1, 540), stop(2, 660), stop(3, 780)]
  it('counts the stops whose middle comes before the dropped middle', () => {
    expect(dropPosition(stops, 9, 500)).toBe(0)
    expect(dropPosition(stops, 9, 600)).toBe(1)
    expect(dropPosition(stops, 9, 900)).toBe(3)
  })
  it('leaves the dragged job itself out, as the server does', () => {
    expect(dropPosition(stops, 1, 750)).toBe(1)
    expect(dropPosition(stops, 2, 900)).toBe(2)
  })
})

describe('placeOf', () => {
  it('names the row and position of a planned job, null for others', () => {
    const routes = [route(1, [stop(10, 540)]), route(2, [stop(20, 600), stop(21, 700)])]
    expect(placeOf(routes, 21)).toEqual({ row: 1, position: 1 })
    expect(placeOf(routes, 99)).toBeNull()
  })
})
