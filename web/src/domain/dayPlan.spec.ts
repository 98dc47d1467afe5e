import { describe, expect, it } from 'vitest'
import type { DayPlanRoute, DayPlanStop } from '@/api/dayPlans'
import { clock, dayRange, ganttBars, isoDay, planningUnits, planningUnitsAbove, routePaths, travelMinutes, unitsUnder, windowText } from './dayPlan'

function stop(order_id: number, x_km: number, arrival: number, start: number, minutes = 60): DayPlanStop {
  return {
    order_id,
    number: `GD-${order_id}`,
    sequence: 0,
    arrival_minute: arrival,
    start_minute: start,
    end_minute: start + minutes,
    window_start_minute: start,
    window_end_minute: start + 120,
    x_km,
    y_km: 0,
    duration_minutes: minutes,
    trade: 'pipe_repair',
    booked: false,
  }
}

function route(stops: DayPlanStop[], extra: Partial<DayPlanRoute> = {}): DayPlanRoute {
  return { user_id: 1, name: '李师傅', departure_minute: 480, return_minute: 900, break_start_minute: null, break_minutes: 0, km: 10, stops, ...extra }
}

describe('clock', () => {
  it('writes minutes from midnight as HH:MM', () => {
    expect(clock(545)).toBe('09:05')
    expect(clock(0)).toBe('00:00')
    expect(windowText({ window_start_minute: 840, window_end_minute: 960 })).toBe('14:00–16:00')
  })
})

describe('ganttBars', () => {
  it('draws travel up to each arrival, the wait for the window, the job, the break and the way back', () => {
    // 25 km/h × 1.35 detour: 5 km straight is 16.2 minutes of driving.
    const first = stop(1, 0, 500, 540)
    const second = stop(2, 5, 617, 617)
    const bars = ganttBars({ routes: [route([first, second], { break_start_minute: 690, break_minutes: 60, return_minute: 780 })] })
    expect(bars.map((b) => [b.kind, b.start, b.end])).toEqual([
      ['travel', 480, 500],
      ['wait', 500, 540],
      ['job', 540, 600],
      ['travel', 617 - travelMinutes(first, second), 617],
      ['job', 617, 677],
      ['break', 690, 750],
      ['travel', 750, 780],
    ])
    expect(bars.find((b) => b.kind === 'job')?.label).toBe('GD-1')
    expect(bars.every((b) => b.row === 0)).toBe(true)
  })

  it('puts each technician on their own row and skips empty pieces', () => {
    const bars = ganttBars({ routes: [route([stop(1, 0, 480, 480)]), route([stop(2, 1, 600, 600)], { user_id: 2, departure_minute: 600 })] })
    expect(bars.filter((b) => b.row === 1).map((b) => b.kind)).toEqual(['job', 'travel'])
    expect(bars.filter((b) => b.kind === 'wait')).toEqual([])
  })
})

describe('dayRange and routePaths', () => {
  it('covers every route in whole hours, at least the working day', () => {
    expect(dayRange({ routes: [] })).toEqual([480, 1080])
    expect(dayRange({ routes: [route([], { departure_minute: 455, return_minute: 1111 })] })).toEqual([420, 1140])
  })
  it('lists each route as points on the city plane', () => {
    expect(routePaths([route([stop(1, 2, 0, 0), stop(2, 3, 0, 0)])])).toEqual([{ name: '李师傅', points: [[2, 0], [3, 0]] }])
  })
  it('names the local day', () => {
    expect(isoDay(new Date(2026, 11, 3, 23, 59))).toBe('2026-12-03')
  })
})

describe('planning units', () => {
  const units = [
    { id: 9, parent_id: 1 },
    { id: 11, parent_id: 9 },
    { id: 12, parent_id: 11 },
    { id: 13, parent_id: 11 },
    { id: 29, parent_id: 6 },
  ]
  it('offers each crew\'s parent first, then the crews', () => {
    expect(planningUnits(units, [12, 13, 12, 29])).toEqual([11, 6, 12, 13, 29])
  })
  it('takes a unit with everything under it', () => {
    expect([...unitsUnder(units, 9)].sort((a, b) => a - b)).toEqual([9, 11, 12, 13])
    expect([...unitsUnder(units, 12)]).toEqual([12])
  })
})

describe('planningUnitsAbove', () => {
  const units = [
    { id: 1, parent_id: null },
    { id: 2, parent_id: 1 },
    { id: 3, parent_id: 2 },
    { id: 4, parent_id: 2 },
  ]
  it('lists the unit and the planning units above it, nearest first', () => {
    expect(planningUnitsAbove(units, [2, 3, 4], 3)).toEqual([3, 2])
    expect(planningUnitsAbove(units, [2, 4], 3)).toEqual([2])
  })
  it('is empty without a unit or outside the planning units', () => {
    expect(planningUnitsAbove(units, [2, 3], null)).toEqual([])
    expect(planningUnitsAbove(units, [4], 3)).toEqual([])
  })
})
