// The routing rules (category prefix + district → org unit) as pure functions: what the server
// would refuse, which rule an order would meet, and where a server field error belongs.
import type { RoutingRule } from '@/api/setup'

export type RuleProblem = 'category' | 'org_unit_id' | 'duplicate'

/** Each rule's first problem, by row: missing category or unit, or a second rule for the same pair. */
export function ruleProblems(rules: readonly RoutingRule[], knownCategories?: ReadonlySet<string>): Map<number, RuleProblem> {
  const problems = new Map<number, RuleProblem>()
  const seen = new Set<string>()
  rules.forEach((r, i) => {
    if (!r.category || (knownCategories && !knownCategories.has(r.category))) problems.set(i, 'category')
    else if (!r.org_unit_id) problems.set(i, 'org_unit_id')
    else {
      const key = `${r.category}|${r.district_id ?? 0}`
      if (seen.has(key)) problems.set(i, 'duplicate')
      seen.add(key)
    }
  })
  return problems
}

/** "items[3].district_id" → { index: 3, field: "district_id" }; anything else → null. */
export function itemField(field: string | undefined | null): { index: number; field: string } | null {
  const m = /^items\[(\d+)\]\.(\w+)$/.exec(field ?? '')
  return m ? { index: Number(m[1]), field: m[2] } : null
}

/** Whether `prefix` covers `code`: itself or anything under it. */
export function covers(prefix: string, code: string): boolean {
  return code === prefix || code.startsWith(`${prefix}.`)
}

/**
 * The rule an order of `category` in `district` meets, as the server picks it: the longest
 * category prefix, then a district rule over a city-wide one. Null: no rule, the order waits for
 * a dispatcher.
 */
export function matchRule(rules: readonly RoutingRule[], category: string, districtId: number | null): RoutingRule | null {
  let best: RoutingRule | null = null
  for (const r of rules) {
    if (!covers(r.category, category)) continue
    if (r.district_id !== null && r.district_id !== districtId) continue
    if (
      !best ||
      r.category.length > best.category.length ||
      (r.category.length === best.category.length && best.district_id === null && r.district_id !== null)
    ) {
      best = r
    }
  }
  return best
}

/** What is sent back: the editable fields only. */
export function rulesForSave(rules: readonly RoutingRule[]): RoutingRule[] {
  return rules.map((r) => ({ category: r.category, district_id: r.district_id ?? null, org_unit_id: r.org_unit_id, auto_assign: !!r.auto_assign }))
}

/** An org unit told apart from its namesakes: "江北分公司 › 维修所" (the company itself alone). */
export function unitLabel(units: readonly { id: number; parent_id: number | null; kind: string; name: string }[], id: number | null | undefined): string {
  if (id === null || id === undefined) return ''
  const unit = units.find((u) => u.id === id)
  if (!unit) return `#${id}`
  const names = [unit.name]
  let parent = units.find((u) => u.id === unit.parent_id)
  while (parent && parent.kind !== 'company' && names.length < 3) {
    names.unshift(parent.name)
    parent = units.find((u) => u.id === parent!.parent_id)
  }
  return names.join(' › ')
}
