import { describe, expect, it } from 'vitest'
import { mayRate, normalizeTrackingCode, stageIndex } from './tracking'

describe('tracking codes', () => {
  it('accepts the code however it is typed', () => {
    expect(normalizeTrackingCode('7k3m-q9tx-2bhd')).toBe('7K3M-Q9TX-2BHD')
    expect(normalizeTrackingCode(' 7K3M Q9TX 2BHD ')).toBe('7K3M-Q9TX-2BHD')
    expect(normalizeTrackingCode('7K3MQ9TX2BHO')).toBe('7K3M-Q9TX-2BH0')
  })
  it('refuses what cannot be a code', () => {
    expect(normalizeTrackingCode('123')).toBeNull()
    expect(normalizeTrackingCode('7K3M-Q9TX-2BHU')).toBeNull()
    expect(normalizeTrackingCode('7K3M-Q9TX-2BHD-1')).toBeNull()
  })
  it('rates only after the work is done', () => {
    expect(mayRate('on_site')).toBe(false)
    expect(mayRate('resolved')).toBe(true)
    expect(stageIndex('en_route')).toBe(2)
    expect(stageIndex('unknown')).toBe(0)
  })
})
