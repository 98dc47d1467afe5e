import { describe, expect, it } from 'vitest'
import { deadlines, isOverdue, nextDeadline, urgencyKey } from './deadlines'

const H = 3_600_000
const base = {
  state: 'accepted' as const,
  due_response_at: 1 * H,
  due_arrival_at: 4 * H,
  due_resolution_at: 24 * H,
  resolved_at: null,
  responded_at: null,
  arrived_at: null,
  breached: [] as ('response' | 'arrival' | 'resolution')[],
}

describe('deadlines', () => {
  it('counts down each promise while not met', () => {
    const d = deadlines(base, 0.5 * H)
    expect(d.map((x) => x.kind)).toEqual(['response', 'arrival', 'resolution'])
    expect(d[0]).toMatchObject({ overdue: false, minutes: 30, metAt: null })
  })
  it('marks a passed unmet deadline overdue with the minutes past', () => {
    const d = deadlines(base, 2 * H)
    expect(d[0]).toMatchObject({ overdue: true, minutes: 60 })
    expect(isOverdue(base, 2 * H)).toBe(true)
  })
  it('treats leaving accepted as the response and skips absent deadlines', () => {
    const o = { ...base, state: 'assigned' as const, due_arrival_at: null }
    const d = deadlines(o, 2 * H)
    expect(d.map((x) => x.kind)).toEqual(['response', 'resolution'])
    expect(d[0].metAt).not.toBeNull()
    expect(nextDeadline(o, 2 * H)?.kind).toBe('resolution')
  })
  it('keeps a breached deadline red after it is met', () => {
    const o = { ...base, state: 'resolved' as const, resolved_at: 30 * H, breached: ['resolution' as const] }
    expect(deadlines(o, 31 * H).find((x) => x.kind === 'resolution')).toMatchObject({ overdue: true, metAt: 30 * H })
    expect(isOverdue(o, 31 * H)).toBe(false)
  })
  it('sorts orders without an open deadline last', () => {
    const done = { ...base, state: 'closed' as const, resolved_at: 2 * H, arrived_at: 1 * H }
    expect(urgencyKey(done, 0)).toBe(Number.MAX_SAFE_INTEGER)
    expect(urgencyKey(base, 0)).toBe(1 * H)
  })
})
