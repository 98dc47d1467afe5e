// The words for a move or pre-emption answer: each order as its number, each violation as a
// sentence (which stop would be late, the shift overrun, the missed break, the missing skill).
import type { DayPlan, MoveViolation } from '@/api/dayPlans'
import { clock } from '@/domain/dayPlan'
import { i18n } from '@/i18n'

/** Order id → its number, for every job of the plan (planned or not). */
export function planNumbers(plan: DayPlan | null): Map<number, string> {
  const m = new Map<number, string>()
  for (const r of plan?.routes ?? []) for (const s of r.stops) m.set(s.order_id, s.number ?? String(s.order_id))
  for (const s of plan?.unplanned ?? []) m.set(s.order_id, s.number ?? String(s.order_id))
  return m
}

export function violationText(v: MoveViolation, numbers: Map<number, string>): string {
  const order = v.order_id ? (numbers.get(v.order_id) ?? String(v.order_id)) : ''
  return i18n.global.t(`dsp.violation.${v.kind}`, { order, time: clock(v.minute) })
}
