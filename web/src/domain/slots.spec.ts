import { describe, expect, it } from 'vitest'
import type { AppointmentSlot } from '@/api/slots'
import { dateCode, fillOf, fillPercent, minuteText, planProblem, planRequest, seatTotals, slotDays, STANDARD_WINDOWS, textMinute, type PlanForm } from './slots'

const slot = (id: number, window: string, starts_at: number, capacity: number, booked: number): AppointmentSlot => ({
  id,
  team_id: 3,
  district_id: 9,
  utility: 'gas',
  starts_at,
  ends_at: starts_at + 7_200_000,
  window,
  capacity,
  booked,
  remaining: capacity - booked,
})

const form = (over: Partial<PlanForm> = {}): PlanForm => ({
  teamId: 3,
  districtId: 9,
  utility: 'gas',
  range: ['2026-12-03', '2026-12-16'],
  skipNonWorking: true,
  windows: STANDARD_WINDOWS.map((w) => ({ ...w })),
  ...over,
})

describe('slots', () => {
  it('writes and reads window times', () => {
    expect(minuteText(540)).toBe('09:00')
    expect(minuteText(1440)).toBe('24:00')
    expect(textMinute('9:30')).toBe(570)
    expect(textMinute('24:01')).toBeNull()
    expect(textMinute('noon')).toBeNull()
  })
  it('says how full a slot is', () => {
    expect(fillOf(0, 4)).toBe('free')
    expect(fillOf(3, 4)).toBe('free')
    expect(fillOf(4, 5)).toBe('busy')
    expect(fillOf(4, 4)).toBe('full')
    expect(fillPercent(1, 4)).toBe(25)
    expect(fillPercent(5, 4)).toBe(100)
  })
  it('groups slots by local day with the seats of each day', () => {
    const days = slotDays([
      slot(3, '2026-12-04 09:00–11:00', 300, 4, 4),
      slot(1, '2026-12-03 09:00–11:00', 100, 4, 1),
      slot(2, '2026-12-03 14:00–16:00', 200, 4, 0),
    ])
    expect(days.map((d) => [d.date, d.slots.map((s) => s.id), d.capacity, d.booked])).toEqual([
      ['2026-12-03', [1, 2], 8, 1],
      ['2026-12-04', [3], 4, 4],
    ])
    expect(seatTotals(days.flatMap((d) => d.slots))).toEqual({ capacity: 12, booked: 5, full: 1 })
  })
})

describe('planning', () => {
  it('builds the request of a checked form', () => {
    expect(planProblem(form())).toBeNull()
    expect(planRequest(form())).toEqual({
      team_id: 3,
      district_id: 9,
      utility: 'gas',
      from: 20261203,
      to: 20261216,
      skip_non_working_days: true,
      windows: STANDARD_WINDOWS.map((w) => ({ ...w })),
    })
    expect(dateCode('2026-01-05')).toBe(20260105)
  })
  it('refuses what the server would refuse', () => {
    expect(planProblem(form({ teamId: null }))).toEqual({ field: 'team_id', reason: 'required' })
    expect(planProblem(form({ utility: null }))).toEqual({ field: 'utility', reason: 'required' })
    expect(planProblem(form({ range: null }))).toEqual({ field: 'from', reason: 'required' })
    expect(planProblem(form({ range: ['2026-12-16', '2026-12-03'] }))).toEqual({ field: 'to', reason: 'order' })
    expect(planProblem(form({ range: ['2026-12-01', '2027-03-03'] }))).toEqual({ field: 'to', reason: 'too_long' })
    expect(planProblem(form({ range: ['2026-12-01', '2027-03-02'] }))).toBeNull()
    expect(planProblem(form({ windows: [] }))).toMatchObject({ reason: 'empty' })
    expect(planProblem(form({ windows: [{ start_minute: 600, end_minute: 540, capacity: 2 }] }))).toEqual({ field: 'windows', index: 0, reason: 'order' })
    expect(planProblem(form({ windows: [{ start_minute: 540, end_minute: 600, capacity: 0 }] }))).toMatchObject({ index: 0, reason: 'capacity' })
    expect(
      planProblem(form({ windows: [{ start_minute: 600, end_minute: 700, capacity: 2 }, { start_minute: 540, end_minute: 660, capacity: 2 }] })),
    ).toEqual({ field: 'windows', index: 0, reason: 'overlap' })
  })
})
