// The organisation arrives as a flat list with parent ids; the admin screens show a tree.
import type { OrgUnit } from '@/api/types'

export interface OrgTreeNode extends OrgUnit {
  children: OrgTreeNode[]
}

const KIND_ORDER: Record<string, number> = { company: 0, branch: 1, department: 2, team: 3 }

export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>()
  for (const unit of units) nodes.set(unit.id, { ...unit, children: [] })
  const roots: OrgTreeNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parent_id === null ? undefined : nodes.get(node.parent_id)
    // A unit whose parent is missing (outside the list) is shown as a root, not dropped.
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }
  const sort = (list: OrgTreeNode[]) => {
    list.sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.id - b.id)
    for (const n of list) sort(n.children)
  }
  sort(roots)
  return roots
}

/** "临江市公用事业集团 / 客户服务中心 / 坐席一班" */
export function orgPath(units: readonly OrgUnit[], id: number): string {
  const byId = new Map(units.map((u) => [u.id, u]))
  const names: string[] = []
  const seen = new Set<number>()
  let current = byId.get(id)
  while (current && !seen.has(current.id)) {
    seen.add(current.id)
    names.unshift(current.name)
    current = current.parent_id === null ? undefined : byId.get(current.parent_id)
  }
  return names.join(' / ')
}

/** The path without the company at the top, which every unit shares: "城区分公司 / 维修所 / 维修一班". */
export function shortOrgPath(units: readonly OrgUnit[], id: number): string {
  const parts = orgPath(units, id).split(' / ')
  return parts.length > 1 ? parts.slice(1).join(' / ') : parts[0]
}
