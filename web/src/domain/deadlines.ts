// The three promises of a work order — response, arrival, resolution — as countdowns: met,
// running, or overdue (red), and the one that matters next for sorting a board.
import type { WorkOrderFull } from '@/api/workflow'
import { isOpen } from './workOrder'

export type DeadlineKind = 'response' | 'arrival' | 'resolution'
export const DEADLINE_KINDS: readonly DeadlineKind[] = ['response', 'arrival', 'resolution']

export interface Deadline {
  kind: DeadlineKind
  at: number
  /** met on time or late; null while not met */
  metAt: number | null
  overdue: boolean
  /** whole minutes left, or past when overdue (0 when met) */
  minutes: number
}

type Order = Pick<
  WorkOrderFull,
  'state' | 'due_response_at' | 'due_arrival_at' | 'due_resolution_at' | 'resolved_at' | 'responded_at' | 'arrived_at' | 'breached'
>

const LEFT_ACCEPTED: readonly string[] = ['accepted']

function metAt(order: Order, kind: DeadlineKind): number | null {
  if (kind === 'resolution') return order.resolved_at ?? null
  if (kind === 'arrival') return order.arrived_at ?? (order.resolved_at ?? null)
  // Without responded_at (the list may not carry it), leaving `accepted` is the response.
  if (order.responded_at) return order.responded_at
  return LEFT_ACCEPTED.includes(order.state) ? null : (order.resolved_at ?? -1)
}

/** Every deadline the order has, in order; closed orders have only met or past ones. */
export function deadlines(order: Order, now: number): Deadline[] {
  const out: Deadline[] = []
  const dueOf: Record<DeadlineKind, number | null> = {
    response: order.due_response_at,
    arrival: order.due_arrival_at,
    resolution: order.due_resolution_at,
  }
  for (const kind of DEADLINE_KINDS) {
    const at = dueOf[kind]
    if (at === null || at === undefined) continue
    let met = metAt(order, kind)
    if (met === null && !isOpen(order.state)) met = -1
    const overdue = met === null ? now > at : (order.breached ?? []).includes(kind) || (met > 0 && met > at)
    const minutes = met === null ? Math.floor(Math.abs(at - now) / 60_000) : 0
    out.push({ kind, at, metAt: met, overdue, minutes })
  }
  return out
}

/** The next deadline not yet met (the most pressing one), or null. */
export function nextDeadline(order: Order, now: number): Deadline | null {
  return deadlines(order, now).find((d) => d.metAt === null) ?? null
}

/** Sort key for "most urgent first": the next unmet deadline's time; none sorts last. */
export function urgencyKey(order: Order, now: number): number {
  return nextDeadline(order, now)?.at ?? Number.MAX_SAFE_INTEGER
}

export function isOverdue(order: Order, now: number): boolean {
  return deadlines(order, now).some((d) => d.metAt === null && d.overdue)
}
