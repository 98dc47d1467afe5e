// The wall board's work-order figures as pure functions: today's orders (in Asia/Shanghai,
// UTC+8 without daylight saving) by state, completion and on-time rates, top categories and
// districts — folded from a first page of orders and then kept current by `workorder.*` events.
import type { LifelineEvent, WorkOrderState } from '@/api/types'

const DAY = 86_400_000
const OFFSET = 8 * 3_600_000

/** Midnight in Shanghai of the day `now` falls on, as epoch ms. */
export function startOfDay(now: number): number {
  return Math.floor((now + OFFSET) / DAY) * DAY - OFFSET
}

/** What the board keeps of an order. */
export interface BoardOrder {
  id: number
  state: WorkOrderState
  category: string
  district_id: number | null
  created_at: number
  due_resolution_at: number | null
  resolved_at: number | null
}

export type OrderMap = ReadonlyMap<number, BoardOrder>

const DONE: readonly string[] = ['resolved', 'callback', 'closed']

export interface Figures {
  total: number
  byState: Record<string, number>
  completed: number
  /** percent, or null with nothing to divide */
  completionRate: number | null
  onTimeRate: number | null
  topCategories: { code: string; count: number }[]
  byDistrict: Map<number, number>
}

export function figures(orders: OrderMap, dayStart: number): Figures {
  const byState: Record<string, number> = {}
  const byCategory = new Map<string, number>()
  const byDistrict = new Map<number, number>()
  let total = 0
  let completed = 0
  let onTime = 0
  for (const o of orders.values()) {
    if (o.created_at < dayStart) continue
    total++
    byState[o.state] = (byState[o.state] ?? 0) + 1
    byCategory.set(o.category, (byCategory.get(o.category) ?? 0) + 1)
    if (o.district_id !== null) byDistrict.set(o.district_id, (byDistrict.get(o.district_id) ?? 0) + 1)
    if (DONE.includes(o.state)) {
      completed++
      if (o.due_resolution_at === null || (o.resolved_at ?? 0) <= o.due_resolution_at) onTime++
    }
  }
  const share = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : null)
  const cancelled = (byState.cancelled ?? 0) + (byState.merged ?? 0)
  const topCategories = [...byCategory]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, 5)
  return {
    total,
    byState,
    completed,
    completionRate: share(completed, total - cancelled),
    onTimeRate: share(onTime, completed),
    topCategories,
    byDistrict,
  }
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** The order id of a `workorder/<id>` subject. */
export function orderIdOf(event: LifelineEvent): number | null {
  const m = /^workorder\/(\d+)$/.exec(event.subject)
  return m ? Number(m[1]) : null
}

/**
 * One `workorder.*` event applied: a new order joins the map, a step moves its state (and marks
 * it resolved at the event's time). Returns the same map when the event changes nothing.
 */
export function applyOrderEvent(orders: OrderMap, event: LifelineEvent): OrderMap {
  if (event.topic !== 'workorder') return orders
  const id = orderIdOf(event)
  const state = event.data?.state as WorkOrderState | undefined
  if (id === null || !state) return orders
  const known = orders.get(id)
  if (!known && event.type !== 'workorder.created') return orders
  const next = new Map(orders)
  const order: BoardOrder = known
    ? { ...known, state }
    : {
        id,
        state,
        category: String(event.data.category ?? ''),
        district_id: num(event.data.district_id),
        created_at: event.at,
        due_resolution_at: num(event.data.due_resolution_at),
        resolved_at: null,
      }
  if (state === 'resolved' && !order.resolved_at) order.resolved_at = event.at
  next.set(id, order)
  return next
}
