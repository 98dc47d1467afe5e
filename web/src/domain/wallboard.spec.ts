import { describe, expect, it } from 'vitest'
import type { LifelineEvent } from '@/api/types'
import { applyEvent, districtPoints, emptyCounters, eventSubject, lastMinute, RECENT_LIMIT } from './wallboard'

const event = (id: number, topic: string): LifelineEvent => ({ id, at: id, topic, type: `${topic}.x`, subject: `${topic}/${id}`, data: {} })

describe('wall board counters', () => {
  it('counts events by topic and keeps the latest first', () => {
    let s = emptyCounters()
    s = applyEvent(s, event(1, 'auth'), 1000)
    s = applyEvent(s, event(2, 'user'), 2000)
    s = applyEvent(s, event(3, 'auth'), 3000)
    expect(s.total).toBe(3)
    expect(s.byTopic.auth).toBe(2)
    expect(s.byTopic.user).toBe(1)
    expect(s.byTopic.outage).toBe(0)
    expect(s.recent.map((e) => e.id)).toEqual([3, 2, 1])
  })
  it('counts a topic it does not know yet', () => {
    expect(applyEvent(emptyCounters(), event(1, 'work_order'), 0).byTopic.work_order).toBe(1)
  })
  it('keeps only the latest few for the ticker', () => {
    let s = emptyCounters()
    for (let i = 1; i <= RECENT_LIMIT + 5; i++) s = applyEvent(s, event(i, 'auth'), i)
    expect(s.recent).toHaveLength(RECENT_LIMIT)
    expect(s.recent[0].id).toBe(RECENT_LIMIT + 5)
  })
  it('measures the last minute', () => {
    let s = emptyCounters()
    s = applyEvent(s, event(1, 'auth'), 0)
    s = applyEvent(s, event(2, 'auth'), 30_000)
    expect(lastMinute(s, 59_000)).toBe(2)
    expect(lastMinute(s, 61_000)).toBe(1)
    expect(lastMinute(s, 100_000)).toBe(0)
  })
})

describe('districtPoints', () => {
  it('names the branch serving each district', () => {
    const points = districtPoints(
      [
        { id: 1, name: '老城区', x_km: 0, y_km: 0 },
        { id: 8, name: '临港区', x_km: 16, y_km: -8 },
      ],
      [
        { name: '城区分公司', kind: 'branch', area_district_ids: [1, 4] },
        { name: '维修一班', kind: 'team', area_district_ids: [8] },
      ],
    )
    expect(points).toEqual([
      { id: 1, name: '老城区', x: 0, y: 0, branch: '城区分公司' },
      { id: 8, name: '临港区', x: 16, y: -8, branch: null },
    ])
  })
})

describe('eventSubject', () => {
  it('prefers a name from the event over its subject', () => {
    expect(eventSubject({ ...event(1, 'auth'), data: { username: 'agent01' } })).toBe('agent01')
    expect(eventSubject({ ...event(2, 'outage'), data: { title: '东风路停水' } })).toBe('东风路停水')
    expect(eventSubject(event(3, 'org'))).toBe('org/3')
  })
})
