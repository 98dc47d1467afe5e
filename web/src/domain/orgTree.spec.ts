import { describe, expect, it } from 'vitest'
import type { OrgUnit } from '@/api/types'
import { buildOrgTree, orgPath, shortOrgPath } from './orgTree'

const unit = (id: number, parent_id: number | null, kind: OrgUnit['kind'], name: string): OrgUnit => ({
  id,
  parent_id,
  kind,
  code: `u${id}`,
  name,
  area_district_ids: [],
})

const units = [
  unit(3, 2, 'team', '坐席一班'),
  unit(1, null, 'company', '集团'),
  unit(9, 1, 'branch', '城区分公司'),
  unit(2, 1, 'department', '客户服务中心'),
  unit(50, 77, 'team', '孤儿班组'),
]

describe('buildOrgTree', () => {
  it('nests units under their parents, branches before departments', () => {
    const tree = buildOrgTree(units)
    expect(tree.map((n) => n.name)).toEqual(['集团', '孤儿班组'])
    expect(tree[0].children.map((n) => n.name)).toEqual(['城区分公司', '客户服务中心'])
    expect(tree[0].children[1].children.map((n) => n.name)).toEqual(['坐席一班'])
  })
})

describe('orgPath', () => {
  it('names the unit with its ancestors', () => {
    expect(orgPath(units, 3)).toBe('集团 / 客户服务中心 / 坐席一班')
    expect(orgPath(units, 404)).toBe('')
    expect(shortOrgPath(units, 3)).toBe('客户服务中心 / 坐席一班')
    expect(shortOrgPath(units, 1)).toBe('集团')
  })
})
