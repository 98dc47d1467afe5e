import { describe, expect, it } from 'vitest'
import type { RoutingRule } from '@/api/setup'
import { covers, itemField, matchRule, ruleProblems, rulesForSave, unitLabel } from './routingRules'

const rule = (category: string, district_id: number | null, org_unit_id: number): RoutingRule => ({
  category,
  district_id,
  org_unit_id,
  auto_assign: false,
})

describe('routing rules', () => {
  it('finds what the server would refuse, by row', () => {
    const rules = [rule('water', 1, 10), rule('', 1, 10), rule('gas', null, 0), rule('water', 1, 11), rule('water', null, 11), rule('steam', null, 3)]
    const problems = ruleProblems(rules, new Set(['water', 'gas']))
    expect([...problems.entries()]).toEqual([
      [1, 'category'],
      [2, 'org_unit_id'],
      [3, 'duplicate'],
      [5, 'category'],
    ])
  })
  it('places a server field error on its row', () => {
    expect(itemField('items[3].district_id')).toEqual({ index: 3, field: 'district_id' })
    expect(itemField('items')).toBeNull()
    expect(itemField(undefined)).toBeNull()
  })
  it('picks the longest prefix, then the district over the city', () => {
    const rules = [rule('water', null, 1), rule('water', 7, 2), rule('water.quality', null, 3), rule('gas.leak', null, 4)]
    expect(covers('water', 'water.quality.yellow')).toBe(true)
    expect(covers('water', 'waterx')).toBe(false)
    expect(matchRule(rules, 'water.leak', 7)?.org_unit_id).toBe(2)
    expect(matchRule(rules, 'water.leak', 8)?.org_unit_id).toBe(1)
    expect(matchRule(rules, 'water.quality.yellow', 7)?.org_unit_id).toBe(3)
    expect(matchRule(rules, 'heat.cold', 7)).toBeNull()
  })
  it('sends only the editable fields', () => {
    expect(rulesForSave([{ id: 4, category_path: '供水', category: 'water', district_id: null, org_unit_id: 2, auto_assign: true }])).toEqual([
      { category: 'water', district_id: null, org_unit_id: 2, auto_assign: true },
    ])
  })
})

describe('unit labels', () => {
  const units = [
    { id: 1, parent_id: null, kind: 'company', name: '集团' },
    { id: 2, parent_id: 1, kind: 'branch', name: '江北分公司' },
    { id: 3, parent_id: 2, kind: 'department', name: '维修所' },
    { id: 4, parent_id: 3, kind: 'team', name: '维修一班' },
  ]
  it('names a unit with its branch, never the company', () => {
    expect(unitLabel(units, 3)).toBe('江北分公司 › 维修所')
    expect(unitLabel(units, 4)).toBe('江北分公司 › 维修所 › 维修一班')
    expect(unitLabel(units, 1)).toBe('集团')
    expect(unitLabel(units, 9)).toBe('#9')
    expect(unitLabel(units, null)).toBe('')
  })
})
