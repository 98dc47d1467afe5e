import { describe, expect, it } from 'vitest'
import type { CategoryNode } from '@/api/setup'
import {
  branchSize,
  conflictCode,
  conflictCount,
  conflictReason,
  findRow,
  fromTree,
  newChild,
  removeCode,
  segmentProblem,
  toTree,
  treeProblem,
} from './categoryTree'

const node = (code: string, name: string, parent: string | null): CategoryNode => ({
  code,
  name,
  parent,
  utility: code.startsWith('general') ? null : 'water',
  suggested_priority: 'normal',
  site_visit: true,
  trade: null,
})

const flat = [
  node('water', '供水', null),
  node('water.leak', '漏水', 'water'),
  node('water.leak.pipe', '管道漏水', 'water.leak'),
  node('water.quality', '水质', 'water'),
  node('general', '综合', null),
]

describe('category tree', () => {
  it('nests the flat list and flattens it back, parents first', () => {
    const tree = toTree(flat)
    expect(tree.map((r) => r.code)).toEqual(['water', 'general'])
    expect(tree[0].children.map((r) => r.code)).toEqual(['water.leak', 'water.quality'])
    expect(fromTree(tree)).toEqual(flat)
  })
  it('adds a child that inherits from its parent', () => {
    const tree = toTree(flat)
    const parent = findRow(tree, 'water.leak')!
    const child = newChild({ ...parent, suggested_priority: 'urgent' }, 'meter', ' 表前漏水 ')
    expect(child).toMatchObject({ code: 'water.leak.meter', name: '表前漏水', parent: 'water.leak', utility: 'water', suggested_priority: 'urgent', trade: null, fresh: true })
    parent.children.push(child)
    const saved = fromTree(tree)
    expect(saved.findIndex((n) => n.code === 'water.leak.meter')).toBeGreaterThan(saved.findIndex((n) => n.code === 'water.leak'))
  })
  it('checks a new code segment', () => {
    const siblings = toTree(flat)[0].children
    expect(segmentProblem('meter', siblings, 'water')).toBeNull()
    expect(segmentProblem('Meter', siblings, 'water')).toBe('format')
    expect(segmentProblem('a.b', siblings, 'water')).toBe('format')
    expect(segmentProblem('', siblings, 'water')).toBe('format')
    expect(segmentProblem('leak', siblings, 'water')).toBe('taken')
  })
  it('removes a branch with everything under it', () => {
    const tree = toTree(flat)
    expect(branchSize(findRow(tree, 'water')!)).toBe(4)
    const after = removeCode(tree, 'water.leak')
    expect(fromTree(after).map((n) => n.code)).toEqual(['water', 'water.quality', 'general'])
    expect(findRow(tree, 'water.leak.pipe')).not.toBeNull() // the original is untouched
  })
  it('finds what the server would refuse', () => {
    expect(treeProblem(flat)).toBeNull()
    expect(treeProblem([])).toMatchObject({ field: 'items' })
    expect(treeProblem([...flat, node('water.x', '  ', 'water')])).toMatchObject({ index: 5, field: 'name' })
    expect(treeProblem([...flat, node('water.y', '一'.repeat(31), 'water')])).toMatchObject({ field: 'name' })
    expect(treeProblem([...flat, node('water.leak', '重复', 'water')])).toMatchObject({ code: 'water.leak', field: 'code' })
  })
  it('reads the code and the reason a 409 names', () => {
    const orders = 'category water.leak.pipe is still used by 3 unfinished work orders'
    expect(conflictCode(orders)).toBe('water.leak.pipe')
    expect(conflictReason(orders)).toBe('orders')
    expect(conflictCount(orders)).toBe(3)
    expect(conflictReason('category gas.safety is used by a routing rule')).toBe('rule')
    expect(conflictReason('category heat has a deadline policy')).toBe('policy')
    expect(conflictCode('something else')).toBeNull()
    expect(conflictCount('category heat has a deadline policy')).toBeNull()
  })
})
