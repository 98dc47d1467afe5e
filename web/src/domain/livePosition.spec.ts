import { describe, expect, it } from 'vitest'
import { MAX_ACCURACY_METRES, crewPositions, metresBetween, verdictFor, withPositionEvent, type Fix } from './livePosition'

const at = (seconds: number, longitude = 120, latitude = 30, accuracy = 20): Fix => ({ longitude, latitude, accuracy, at: seconds * 1000 })

describe('metresBetween', () => {
  it('measures a thousandth of a degree of latitude as about 111 m', () => {
    expect(metresBetween(at(0, 120, 30), at(0, 120, 30.001))).toBeCloseTo(111.2, 0)
  })
  it('shrinks a degree of longitude by the cosine of the latitude', () => {
    expect(metresBetween(at(0, 120, 60), at(0, 120.001, 60))).toBeCloseTo(55.6, 0)
  })
})

describe('verdictFor', () => {
  it('sends the first precise fix at once', () => {
    expect(verdictFor(null, at(0))).toBe('send')
  })
  it('does not send a fix vaguer than a kilometre, nor one without an accuracy', () => {
    expect(verdictFor(null, at(0, 120, 30, MAX_ACCURACY_METRES + 1))).toBe('imprecise')
    expect(verdictFor(null, at(0, 120, 30, Number.NaN))).toBe('imprecise')
  })
  it('sends standing still once a minute', () => {
    expect(verdictFor(at(0), at(59))).toBe('wait')
    expect(verdictFor(at(0), at(60))).toBe('send')
  })
  it('sends after 100 m of movement, but never twice in 15 s', () => {
    expect(verdictFor(at(0), at(20, 120, 30.0005))).toBe('wait') // 56 m
    expect(verdictFor(at(0), at(20, 120, 30.001))).toBe('send') // 111 m
    expect(verdictFor(at(0), at(10, 120, 30.01))).toBe('wait') // 1.1 km, but too soon
  })
})

describe('crew positions on the board', () => {
  const listed = [
    { user_id: 7, position: { x_km: 1, y_km: 2 }, position_at: 100 },
    { user_id: 8, position: null, position_at: 0 },
  ]
  it('keeps the technicians whose position is known', () => {
    expect([...crewPositions(listed)]).toEqual([[7, { x_km: 1, y_km: 2, at: 100 }]])
  })
  it('moves a technician on their position event and ignores every other event', () => {
    const before = crewPositions(listed)
    const moved = withPositionEvent(before, { topic: 'dispatch', type: 'technician.position', subject: 'user/8', at: 200, data: { x_km: -3, y_km: 4.5 } })
    expect(moved?.get(8)).toEqual({ x_km: -3, y_km: 4.5, at: 200 })
    expect(before.has(8)).toBe(false) // a new map: the screen's copy is not changed under it
    expect(withPositionEvent(before, { topic: 'dispatch', type: 'dayplan.changed', subject: 'team/3', at: 1, data: {} })).toBeNull()
    expect(withPositionEvent(before, { topic: 'dispatch', type: 'technician.position', subject: 'user/x', at: 1, data: { x_km: 1, y_km: 1 } })).toBeNull()
  })
})
