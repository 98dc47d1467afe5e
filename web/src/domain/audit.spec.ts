import { describe, expect, it } from 'vitest'
import { changes, emptyFilters, showValue, toQuery } from './audit'

describe('toQuery', () => {
  it('sends only the filters that are set, newest page first', () => {
    expect(toQuery(emptyFilters())).toEqual({ limit: 50, actor: undefined, action: undefined, entity_type: undefined, entity_id: undefined })
    const from = new Date(Date.UTC(2026, 10, 15))
    const to = new Date(Date.UTC(2026, 10, 16))
    const q = toQuery({ actor: ' admin ', action: 'user.', entity_type: '', entity_id: '', range: [from, to] }, 120)
    expect(q).toMatchObject({ actor: 'admin', action: 'user.', from: from.getTime(), to: to.getTime(), before_id: 120 })
  })
})

describe('changes', () => {
  it('lists the fields whose value changed', () => {
    expect(changes({ disabled: false, role: 'agent' }, { disabled: true, role: 'agent' })).toEqual([
      { field: 'disabled', before: false, after: true },
    ])
    expect(changes({}, { username: 'x' })).toEqual([{ field: 'username', before: undefined, after: 'x' }])
    expect(changes({}, {})).toEqual([])
  })
  it('shows values readably', () => {
    expect(showValue(undefined)).toBe('—')
    expect(showValue('agent')).toBe('agent')
    expect(showValue([1, 4])).toBe('[1,4]')
  })
})
