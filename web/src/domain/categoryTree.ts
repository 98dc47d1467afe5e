// The category tree editor as pure functions: the flat list the server keeps (parents before
// children) ↔ a nested tree for the screen, new children with what they inherit, removal of a
// branch, the checks the server makes, and the code a 409 names.
import type { CategoryNode } from '@/api/setup'

export interface TreeRow extends CategoryNode {
  children: TreeRow[]
  /** added on this screen, not saved yet */
  fresh?: boolean
}

export const MAX_NAME_CHARS = 30
const SEGMENT = /^[a-z0-9_]+$/

/** An entry of a flat list with its children. */
export type Nested<T> = T & { children: Nested<T>[] }

/** The nested tree of a flat list, in its order; an entry whose parent is missing is a root. */
export function nestByParent<T extends { code: string; parent: string | null }>(items: readonly T[]): Nested<T>[] {
  const nodes = new Map<string, Nested<T>>(items.map((item) => [item.code, { ...item, children: [] }]))
  const roots: Nested<T>[] = []
  for (const item of items) {
    const node = nodes.get(item.code)!
    const parent = item.parent ? nodes.get(item.parent) : undefined
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** The editor's tree of the server's flat list. */
export function toTree(nodes: readonly CategoryNode[]): TreeRow[] {
  return nestByParent(nodes)
}

/** The flat list to save: every node after its parent, the screen's own fields left out. */
export function fromTree(rows: readonly TreeRow[]): CategoryNode[] {
  const out: CategoryNode[] = []
  const walk = (row: TreeRow, parent: string | null) => {
    out.push({
      code: row.code,
      name: row.name.trim(),
      parent,
      utility: row.utility,
      suggested_priority: row.suggested_priority,
      site_visit: row.site_visit,
      trade: row.trade ?? null,
    })
    for (const child of row.children) walk(child, row.code)
  }
  for (const row of rows) walk(row, null)
  return out
}

/** Why a new code segment cannot be used (format, or taken among its siblings), else null. */
export function segmentProblem(segment: string, siblings: readonly { code: string }[], parentCode: string | null): 'format' | 'taken' | null {
  if (!SEGMENT.test(segment)) return 'format'
  const code = parentCode ? `${parentCode}.${segment}` : segment
  return siblings.some((s) => s.code === code) ? 'taken' : null
}

/** A new child: the parent's utility, priority, site visit; the trade inherited (null). */
export function newChild(parent: CategoryNode, segment: string, name: string): TreeRow {
  return {
    code: `${parent.code}.${segment}`,
    name: name.trim(),
    parent: parent.code,
    utility: parent.utility,
    suggested_priority: parent.suggested_priority,
    site_visit: parent.site_visit,
    trade: null,
    children: [],
    fresh: true,
  }
}

/** The tree without the node `code` and everything under it. */
export function removeCode(rows: readonly TreeRow[], code: string): TreeRow[] {
  return rows.filter((r) => r.code !== code).map((r) => ({ ...r, children: removeCode(r.children, code) }))
}

/** How many nodes a row carries with it (itself included). */
export function branchSize(row: TreeRow): number {
  return 1 + row.children.reduce((n, c) => n + branchSize(c), 0)
}

/** The node with `code`, anywhere in the tree. */
export function findRow(rows: readonly TreeRow[], code: string): TreeRow | null {
  for (const r of rows) {
    if (r.code === code) return r
    const below = findRow(r.children, code)
    if (below) return below
  }
  return null
}

/** The first thing the server would refuse: an empty or too long name, a repeated code. */
export function treeProblem(nodes: readonly CategoryNode[]): { index: number; code: string; field: 'name' | 'code' | 'items' } | null {
  if (nodes.length === 0) return { index: -1, code: '', field: 'items' }
  const seen = new Set<string>()
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]
    const chars = [...n.name.trim()].length
    if (chars === 0 || chars > MAX_NAME_CHARS) return { index: i, code: n.code, field: 'name' }
    if (seen.has(n.code)) return { index: i, code: n.code, field: 'code' }
    seen.add(n.code)
  }
  return null
}

/** The category a 409 names ("category water.leak is still used by 3 unfinished work orders"). */
export function conflictCode(detail: string | null | undefined): string | null {
  const m = /category ([a-z0-9_]+(?:\.[a-z0-9_]+)*)/.exec(detail ?? '')
  return m ? m[1] : null
}

/** Why a 409 refused the removal: orders still open, a routing rule, or a deadline policy. */
export function conflictReason(detail: string | null | undefined): 'orders' | 'rule' | 'policy' | 'other' {
  const d = detail ?? ''
  if (/unfinished/.test(d)) return 'orders'
  if (/routing rule/.test(d)) return 'rule'
  if (/deadline policy/.test(d)) return 'policy'
  return 'other'
}

/** The count of unfinished orders a 409 gives, when it gives one. */
export function conflictCount(detail: string | null | undefined): number | null {
  const m = /used by (\d+) unfinished/.exec(detail ?? '')
  return m ? Number(m[1]) : null
}
