// Stored day plans (dispatch:plan) and the technician's own stops. Times are minutes from local
// midnight. docs/design/dispatch.md ("The stored day plan").
import { request } from './http'
import { routes } from './routes'
import type { Trade, WorkOrderState } from './types'

export interface DayPlanStop {
  order_id: number
  number?: string
  title?: string
  category?: string
  priority?: string
  state?: WorkOrderState
  sequence: number
  arrival_minute: number
  start_minute: number
  end_minute: number
  window_start_minute: number
  window_end_minute: number
  x_km: number
  y_km: number
  duration_minutes: number
  trade: Trade
  booked: boolean
  /** Unplanned only: no_trade, no_location, or the solver's reason code. */
  reason?: string
}

export interface DayPlanRoute {
  user_id: number
  name: string
  departure_minute: number
  return_minute: number
  break_start_minute: number | null
  break_minutes: number
  km: number
  stops: DayPlanStop[]
}

export interface DayPlan {
  team_id: number
  date: string
  revision: number
  planned_by: number
  planned_at: number
  km: number
  routes: DayPlanRoute[]
  unplanned: DayPlanStop[]
  moved: { order_id: number; from_user_id: number; to_user_id: number | null }[]
  /** In the answer to a (re-)plan: the routing server did not answer, travel is estimated. */
  travel_estimated?: boolean
}

export interface MoveRequest {
  team_id: number
  date: string
  order_id: number
  to_user_id: number
  position?: number
  apply?: boolean
}

export interface MoveViolation {
  kind: 'late' | 'shift_overrun' | 'break_missed' | 'no_skill' | 'off_duty'
  order_id: number | null
  minute: number
}

export interface MoveAnswer {
  feasible: boolean
  applied: boolean
  from_user_id: number | null
  violations: MoveViolation[]
  departure_minute: number
  return_minute: number
  break_start_minute: number | null
  km: number
  stops: Pick<DayPlanStop, 'order_id' | 'arrival_minute' | 'start_minute' | 'end_minute' | 'window_start_minute' | 'window_end_minute'>[]
}

export interface PreemptRequest {
  team_id: number
  date: string
  order_id: number
  to_user_id: number
  /** Rewrite the plan that way and assign the emergency (workorders:dispatch). */
  apply?: boolean
}

/** What sending the technician to an emergency now does to the rest of their stored day. */
export interface PreemptAnswer {
  emergency: { order_id: number; number: string; arrival_minute: number; start_minute: number; end_minute: number }
  /** Every job whose start moves; `window_kept` false = the announced window no longer holds. */
  moved: { order_id: number; number: string; old_start_minute: number; new_start_minute: number; window_kept: boolean }[]
  violations: MoveViolation[]
  return_minute: number
  applied: boolean
}

export interface MyStop extends DayPlanStop {
  address: string
}

/** Plans (or re-plans) the team's day over its work orders, stores it and assigns them. */
export function planDay(team_id: number, date: string): Promise<DayPlan> {
  return request(routes.planDay, { body: { team_id, date } })
}

/** The stored plan; 404 when the day was never planned. */
export function getDayPlan(team_id: number, date: string): Promise<DayPlan> {
  return request(routes.getDayPlan, { query: { team_id, date } })
}

/** Whether the move keeps every window; applied when `apply` and feasible (409 otherwise). */
export function moveInDayPlan(move: MoveRequest): Promise<MoveAnswer> {
  return request(routes.moveInDayPlan, { body: move })
}

/** Which of the technician's jobs an emergency pushes back, and to when; with `apply`, done. */
export function preemptInDayPlan(preempt: PreemptRequest): Promise<PreemptAnswer> {
  return request(routes.preemptInDayPlan, { body: preempt })
}

/** The signed-in technician's stops of the day (today by default), in order. */
export function myStops(date?: string): Promise<{ date: string; items: MyStop[] }> {
  return request(routes.myStops, { query: date ? { date } : {} })
}
