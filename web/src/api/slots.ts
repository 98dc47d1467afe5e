// Appointment slots as staff plan them (docs/design/appointments.md): the home-service catalog,
// the slots with capacity and seats booked, and planning a team's slots over a date range.
import { request } from './http'
import { routes } from './routes'
import type { Items, Utility } from './types'

export interface HomeService {
  code: string
  kind: string
  utility: Utility
  name: string
  duration_minutes: number
  category: string
  bookable: boolean
  guidance: { where?: string; bring?: string[]; phone?: string; hours?: string; note?: string } | null
}

export interface AppointmentSlot {
  id: number
  team_id: number
  district_id: number
  utility: Utility
  starts_at: number
  ends_at: number
  /** local time, e.g. "2026-12-03 09:00–11:00" */
  window: string
  capacity: number
  booked: number
  remaining: number
}

export interface SlotQuery {
  district_id?: number
  utility?: Utility
  team_id?: number
  from?: number
  to?: number
  available?: boolean
  limit?: number
}

export interface SlotWindow {
  start_minute: number
  end_minute: number
  capacity: number
}

export interface SlotPlan {
  team_id: number
  district_id: number
  utility: Utility
  /** yyyymmdd, local dates */
  from: number
  to: number
  capacity?: number
  skip_non_working_days?: boolean
  windows?: SlotWindow[]
}

export interface SlotPlanResult {
  created: number
  skipped: number
  items: AppointmentSlot[]
}

export async function listHomeServices(): Promise<HomeService[]> {
  return (await request<Items<HomeService>>(routes.listAppointmentServices)).items
}

export async function listSlots(query: SlotQuery = {}): Promise<AppointmentSlot[]> {
  return (await request<Items<AppointmentSlot>>(routes.listAppointmentSlots, { query: { ...query } })).items
}

export function planSlots(plan: SlotPlan): Promise<SlotPlanResult> {
  return request(routes.planAppointmentSlots, { body: plan })
}
