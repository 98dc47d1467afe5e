import { describe, expect, it } from 'vitest'
import type { DeadlinePolicy, WorkOrderSettings } from '@/api/workflow'
import { clockToMinute, minuteToClock, policyFrom, settingsProblem, textToDates } from './settings'

const policy = (over: Partial<DeadlinePolicy> = {}): DeadlinePolicy => ({
  category: 'heat',
  priority: 'urgent',
  response_minutes: 30,
  response_business_time: false,
  arrival_minutes: 120,
  arrival_business_time: false,
  resolution_minutes: 1440,
  resolution_business_time: false,
  ...over,
})
const doc = (over: Partial<WorkOrderSettings> = {}): WorkOrderSettings => ({
  open_minute: 510,
  close_minute: 1050,
  weekdays: [1, 2, 3, 4, 5],
  holidays: [],
  extra_workdays: [],
  policies: [policy()],
  ...over,
})

describe('deadline settings', () => {
  it('converts working hours', () => {
    expect(minuteToClock(510)).toBe('08:30')
    expect(clockToMinute('17:30')).toBe(1050)
    expect(clockToMinute('25:00')).toBeNull()
  })
  it('keeps dates unique and sorted', () => {
    expect(textToDates(['20261002', '20261001', '20261001', 'x'])).toEqual([20261001, 20261002])
  })
  it('finds the problems the server would refuse', () => {
    expect(settingsProblem(doc())).toBeNull()
    expect(settingsProblem(doc({ close_minute: 500 }))).toEqual(['close_minute', 'hours'])
    expect(settingsProblem(doc({ policies: [policy({ arrival_minutes: 0 })] }))).toEqual(['policies[0].arrival_minutes', 'range'])
    expect(settingsProblem(doc({ policies: [policy(), policy()] }))).toEqual(['policies[1]', 'duplicate'])
  })
  it('starts a new policy from the root default', () => {
    const defaults = [policy({ category: 'heat', priority: 'urgent', arrival_minutes: 120 }), policy({ category: 'water', priority: 'urgent', arrival_minutes: 240 })]
    expect(policyFrom(defaults, 'water.quality', 'urgent')).toMatchObject({ category: 'water.quality', arrival_minutes: 240 })
  })
})
