import { describe, expect, it } from 'vitest'
import type { DayPlan, DayPlanStop } from '@/api/dayPlans'
import type { LifelineEvent } from '@/api/types'
import { planEventEffect } from './planEvents'

function stop(order_id: number): DayPlanStop {
  return {
    order_id,
    sequence: 1,
    arrival_minute: 540,
    start_minute: 540,
    end_minute: 600,
    window_start_minute: 540,
    window_end_minute: 660,
    x_km: 0,
    y_km: 0,
    duration_minutes: 60,
    trade: 'pipe_repair',
    booked: true,
  }
}

const plan: DayPlan = {
  team_id: 7,
  date: '2026-12-03',
  revision: 2,
  planned_by: 1,
  planned_at: 0,
  km: 0,
  routes: [{ user_id: 30, name: '李师傅', departure_minute: 480, return_minute: 1080, break_start_minute: null, break_minutes: 0, km: 0, stops: [stop(100)] }],
  unplanned: [stop(101)],
  moved: [],
}

function event(topic: string, type: string, subject: string, data: Record<string, unknown>): LifelineEvent {
  return { id: 1, at: 0, topic, type, subject, data }
}

describe('planEventEffect', () => {
  const planned = (data: Record<string, unknown>) => event('dispatch', 'dayplan.planned', 'dayplan/7/2026-12-03', data)
  it('reloads on a new revision of the team and day on screen', () => {
    expect(planEventEffect(planned({ team_id: 7, date: '2026-12-03', revision: 3 }), 7, '2026-12-03', plan)).toBe('reload')
    expect(planEventEffect(event('dispatch', 'dayplan.changed', 'dayplan/7/2026-12-03', { team_id: 7, date: '2026-12-03', revision: 3 }), 7, '2026-12-03', plan)).toBe('reload')
    expect(planEventEffect(planned({ team_id: 7, date: '2026-12-03', revision: 1 }), 7, '2026-12-03', null)).toBe('reload')
  })
  it('ignores other teams, other days and the revision already shown', () => {
    expect(planEventEffect(planned({ team_id: 8, date: '2026-12-03', revision: 3 }), 7, '2026-12-03', plan)).toBeNull()
    expect(planEventEffect(planned({ team_id: 7, date: '2026-12-04', revision: 3 }), 7, '2026-12-03', plan)).toBeNull()
    expect(planEventEffect(planned({ team_id: 7, date: '2026-12-03', revision: 2 }), 7, '2026-12-03', plan)).toBeNull()
  })
  it('marks the plan stale when one of its orders is assigned to someone else or cancelled', () => {
    expect(planEventEffect(event('workorder', 'workorder.assigned', 'workorder/100', { assignee_id: 31 }), 7, '2026-12-03', plan)).toBe('stale')
    expect(planEventEffect(event('workorder', 'workorder.cancelled', 'workorder/101', {}), 7, '2026-12-03', plan)).toBe('stale')
    expect(planEventEffect(event('workorder', 'workorder.assigned', 'workorder/101', { assignee_id: 31 }), 7, '2026-12-03', plan)).toBe('stale')
  })
  it('does not when the assignment is the planned one, or the order is not in the plan', () => {
    expect(planEventEffect(event('workorder', 'workorder.assigned', 'workorder/100', { assignee_id: 30 }), 7, '2026-12-03', plan)).toBeNull()
    expect(planEventEffect(event('workorder', 'workorder.cancelled', 'workorder/999', {}), 7, '2026-12-03', plan)).toBeNull()
    expect(planEventEffect(event('workorder', 'workorder.urged', 'workorder/100', {}), 7, '2026-12-03', plan)).toBeNull()
    expect(planEventEffect(event('workorder', 'workorder.cancelled', 'workorder/100', {}), 7, '2026-12-03', null)).toBeNull()
  })
})
