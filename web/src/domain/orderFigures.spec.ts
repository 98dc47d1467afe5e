import { describe, expect, it } from 'vitest'
import type { LifelineEvent } from '@/api/types'
import { applyOrderEvent, figures, startOfDay, type BoardOrder } from './orderFigures'

const day = startOfDay(Date.UTC(2026, 11, 1, 10, 0)) // 18:00 in Shanghai
const o = (id: number, state: BoardOrder['state'], extra: Partial<BoardOrder> = {}): BoardOrder => ({
  id,
  state,
  category: 'water.quality.yellow',
  district_id: 1,
  created_at: day + id * 60_000,
  due_resolution_at: day + 10 * 3_600_000,
  resolved_at: null,
  ...extra,
})
const ev = (type: string, id: number, data: Record<string, unknown>, at = day + 3_600_000): LifelineEvent => ({
  id: 1,
  at,
  topic: 'workorder',
  type,
  subject: `workorder/${id}`,
  data,
})

describe('order figures', () => {
  it('starts the day at midnight in Shanghai', () => {
    expect(new Date(day).toISOString()).toBe('2026-11-30T16:00:00.000Z')
  })
  it('counts today by state with completion and on-time rates', () => {
    const map = new Map([
      [1, o(1, 'accepted')],
      [2, o(2, 'closed', { resolved_at: day + 3_600_000 })],
      [3, o(3, 'resolved', { resolved_at: day + 11 * 3_600_000, category: 'heat.temperature.cold', district_id: 2 })],
      [4, o(4, 'cancelled')],
      [5, o(5, 'accepted', { created_at: day - 1 })],
    ])
    const f = figures(map, day)
    expect(f.total).toBe(4)
    expect(f.byState).toEqual({ accepted: 1, closed: 1, resolved: 1, cancelled: 1 })
    expect(f.completionRate).toBe(66.7)
    expect(f.onTimeRate).toBe(50)
    expect(f.topCategories[0]).toEqual({ code: 'water.quality.yellow', count: 3 })
    expect(f.byDistrict.get(2)).toBe(1)
  })
  it('has no rates without orders', () => {
    expect(figures(new Map(), day).completionRate).toBeNull()
  })
  it('adds created orders and moves states from events', () => {
    let map: ReadonlyMap<number, BoardOrder> = new Map()
    map = applyOrderEvent(map, ev('workorder.created', 9, { state: 'accepted', category: 'gas.safety.leak', district_id: 3 }))
    expect(figures(map, day).byState.accepted).toBe(1)
    map = applyOrderEvent(map, ev('workorder.resolved', 9, { state: 'resolved' }, day + 7_200_000))
    expect(map.get(9)).toMatchObject({ state: 'resolved', resolved_at: day + 7_200_000 })
    const same = applyOrderEvent(map, ev('workorder.assigned', 77, { state: 'assigned' }))
    expect(same).toBe(map)
  })
})
