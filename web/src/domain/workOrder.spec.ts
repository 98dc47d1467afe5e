import { describe, expect, it } from 'vitest'
import type { Account, WorkOrderCategory } from '@/api/types'
import { accountsFor, categoryOptions, categoryUtility, isOpen, resolutionCountdown, splitMinutes, suggestedType, waitsForTechnician } from './workOrder'

const cat = (code: string, name: string, parent: string | null, extra: Partial<WorkOrderCategory> = {}): WorkOrderCategory => ({
  code,
  name,
  parent,
  utility: null,
  suggested_priority: 'normal',
  site_visit: false,
  ...extra,
})

describe('categoryOptions', () => {
  it('gives every category its path and knows the leaves', () => {
    const options = categoryOptions([
      cat('water', '供水', null, { utility: 'water' }),
      cat('water.quality', '水质', 'water'),
      cat('water.quality.yellow', '水黄', 'water.quality', { suggested_priority: 'urgent', site_visit: true }),
    ])
    expect(options.map((o) => o.path)).toEqual(['供水', '供水 › 水质', '供水 › 水质 › 水黄'])
    expect(options.map((o) => o.leaf)).toEqual([false, false, true])
  })
})

describe('category facts', () => {
  it('finds the utility from the category or its root', () => {
    expect(categoryUtility({ code: 'heat.temperature.cold', utility: null })).toBe('heat')
    expect(categoryUtility({ code: 'general.praise', utility: null })).toBeNull()
  })
  it('suggests the order type', () => {
    expect(suggestedType('water.quality.yellow')).toBe('repair')
    expect(suggestedType('heat.service.attitude')).toBe('complaint')
    expect(suggestedType('gas.business.inspection')).toBe('consultation')
    expect(suggestedType('water.business.installation')).toBe('installation')
    expect(suggestedType('general.praise')).toBe('praise')
  })
  it('keeps the accounts of the category\'s utility', () => {
    const accounts = [{ id: 1, utility: 'water' }, { id: 2, utility: 'gas' }] as Account[]
    expect(accountsFor(accounts, 'gas').map((a) => a.id)).toEqual([2])
    expect(accountsFor(accounts, null).map((a) => a.id)).toEqual([1, 2])
  })
})

describe('resolutionCountdown', () => {
  const order = { state: 'accepted' as const, due_resolution_at: 10 * 60_000, resolved_at: null }
  it('counts the minutes left, or past the deadline', () => {
    expect(resolutionCountdown(order, 0)).toEqual({ at: 600_000, overdue: false, minutes: 10 })
    expect(resolutionCountdown(order, 25 * 60_000)).toEqual({ at: 600_000, overdue: true, minutes: 15 })
  })
  it('has nothing to count once resolved or closed', () => {
    expect(resolutionCountdown({ ...order, resolved_at: 5 }, 0)).toBeNull()
    expect(resolutionCountdown({ ...order, state: 'closed' }, 0)).toBeNull()
    expect(isOpen('callback')).toBe(true)
  })
  it('splits minutes for display', () => {
    expect(splitMinutes(135)).toEqual({ days: 0, hours: 2, minutes: 15 })
    expect(splitMinutes(1500)).toEqual({ days: 1, hours: 1, minutes: 0 })
  })
})

describe('waitsForTechnician', () => {
  it('is true from assignment until the job is done', () => {
    expect(['assigned', 'en_route', 'on_site'].every((s) => waitsForTechnician(s as never))).toBe(true)
    expect(waitsForTechnician('resolved')).toBe(false)
    expect(waitsForTechnician('dispatched')).toBe(false)
  })
})
