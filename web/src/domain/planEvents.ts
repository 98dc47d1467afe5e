// What an event of the live stream means for the day plan on screen: a new revision of that
// team's day (`dayplan.planned` / `dayplan.changed`, data team_id, date, revision) → reload; an
// order of the plan assigned to someone other than its planned technician, or cancelled,
// elsewhere → the plan on screen may be stale (docs/design/dispatch.md, "The stored day plan").
import type { DayPlan } from '@/api/dayPlans'
import type { LifelineEvent } from '@/api/types'

export type PlanEventEffect = 'reload' | 'stale' | null

const PLAN_EVENTS = new Set(['dayplan.planned', 'dayplan.changed'])

/** The order id of a `workorder/<id>` subject. */
function orderOf(subject: string): number | null {
  const m = /^workorder\/(\d+)$/.exec(subject)
  return m ? Number(m[1]) : null
}

/** The planned technician of each order in the plan (null for an unplanned one). */
function plannedUsers(plan: DayPlan): Map<number, number | null> {
  const users = new Map<number, number | null>()
  for (const r of plan.routes) for (const s of r.stops) users.set(s.order_id, r.user_id)
  for (const s of plan.unplanned) users.set(s.order_id, null)
  return users
}

export function planEventEffect(event: LifelineEvent, team: number | null, date: string, plan: DayPlan | null): PlanEventEffect {
  if (event.topic === 'dispatch' && PLAN_EVENTS.has(event.type)) {
    if (event.data.team_id !== team || event.data.date !== date) return null
    // Our own move or plan already shows this revision.
    return plan && event.data.revision === plan.revision ? null : 'reload'
  }
  if (event.topic !== 'workorder' || !plan) return null
  const id = orderOf(event.subject)
  const users = plannedUsers(plan)
  if (id === null || !users.has(id)) return null
  if (event.type === 'workorder.cancelled') return 'stale'
  if (event.type === 'workorder.assigned' && event.data.assignee_id !== users.get(id)) return 'stale'
  return null
}
