// Work-order facts for the screens: the category picker's paths, the type a category suggests,
// the accounts a category fits, and how long is left before a deadline.
import type { Account, Utility, WorkOrder, WorkOrderCategory, WorkOrderState, WorkOrderType } from '@/api/types'

export interface CategoryOption extends WorkOrderCategory {
  /** 供水 › 水质 › 水黄 */
  path: string
  leaf: boolean
}

export function categoryOptions(categories: readonly WorkOrderCategory[]): CategoryOption[] {
  const byCode = new Map(categories.map((c) => [c.code, c]))
  const parents = new Set(categories.map((c) => c.parent).filter((p): p is string => !!p))
  const pathOf = (c: WorkOrderCategory): string => {
    const names: string[] = []
    const seen = new Set<string>()
    let current: WorkOrderCategory | undefined = c
    while (current && !seen.has(current.code)) {
      seen.add(current.code)
      names.unshift(current.name)
      current = current.parent ? byCode.get(current.parent) : undefined
    }
    return names.join(' › ')
  }
  return categories.map((c) => ({ ...c, path: pathOf(c), leaf: !parents.has(c.code) }))
}

/** The utility of a category: its own, or its root's code (water, heat, gas). */
export function categoryUtility(category: Pick<WorkOrderCategory, 'code' | 'utility'>): Utility | null {
  if (category.utility) return category.utility
  const root = category.code.split('.')[0]
  return root === 'water' || root === 'heat' || root === 'gas' ? root : null
}

/** The order type a category most likely means; the agent can change it. */
export function suggestedType(code: string): WorkOrderType {
  const parts = code.split('.')
  if (code === 'general.consultation') return 'consultation'
  if (code === 'general.suggestion') return 'suggestion'
  if (code === 'general.praise') return 'praise'
  if (code === 'general.other') return 'help'
  if (parts[1] === 'service') return 'complaint'
  if (parts[1] === 'business') return parts[2] === 'installation' ? 'installation' : 'consultation'
  return 'repair'
}

/** The customer's accounts that fit a category's utility (all of them for a general one). */
export function accountsFor(accounts: readonly Account[], utility: Utility | null): Account[] {
  return utility ? accounts.filter((a) => a.utility === utility) : [...accounts]
}

const CLOSED: readonly WorkOrderState[] = ['closed', 'cancelled', 'merged']

export function isOpen(state: WorkOrderState): boolean {
  return !CLOSED.includes(state)
}

/** The deadline that matters now: resolution while open, none once closed. */
export interface Countdown {
  at: number
  overdue: boolean
  /** whole minutes left (or past, when overdue) */
  minutes: number
}

export function resolutionCountdown(order: Pick<WorkOrder, 'state' | 'due_resolution_at' | 'resolved_at'>, now: number): Countdown | null {
  if (!isOpen(order.state) || order.resolved_at || order.due_resolution_at === null) return null
  const diff = order.due_resolution_at - now
  return { at: order.due_resolution_at, overdue: diff < 0, minutes: Math.floor(Math.abs(diff) / 60_000) }
}

/** 135 minutes → { days: 0, hours: 2, minutes: 15 } */
export function splitMinutes(total: number): { days: number; hours: number; minutes: number } {
  const days = Math.floor(total / 1440)
  const hours = Math.floor((total % 1440) / 60)
  return { days, hours, minutes: total % 60 }
}

/** The states in which a job waits for its technician (出发, 到场, 完工). */
const ON_TECHNICIAN: readonly WorkOrderState[] = ['assigned', 'en_route', 'on_site']

export function waitsForTechnician(state: WorkOrderState): boolean {
  return ON_TECHNICIAN.includes(state)
}
