// Appointments booked by staff for a customer on the phone: the catalog, free slots in the
// account's district, the customer's bookings, and book / reschedule / cancel (each a 409 when the
// slot filled meanwhile, the booking changed, or the visit already started).
import { request } from './http'
import { routes } from './routes'
import type { Items, Utility, WorkOrderState } from './types'
import type { HomeService, ServiceGuidance } from './portal'

export interface AppointmentSlot {
  id: number
  team_id: number
  district_id: number
  utility: Utility
  starts_at: number
  ends_at: number
  window: string
  capacity: number
  booked: number
  remaining: number
}

export interface Availability {
  service: HomeService
  district_id: number
  bookable: boolean
  guidance: ServiceGuidance | null
  slots: AppointmentSlot[]
}

export type AppointmentState = 'booked' | 'cancelled' | 'done'

export interface Appointment {
  id: number
  service: string
  state: AppointmentState
  channel: 'staff' | 'portal'
  slot_id: number
  starts_at: number
  ends_at: number
  window: string
  customer_id: number
  account_id: number
  account_no: string
  district_id: number
  team_id: number
  work_order_id: number
  note: string
  reschedule_count: number
  created_at: number
  updated_at: number
  version: number
  tracking_code?: string
  work_order_state?: WorkOrderState
}

export interface AppointmentPage {
  items: Appointment[]
  total: number
  offset: number
  limit: number
}

export interface NewAppointment {
  account_no: string
  service: string
  slot_id: number
  contact_phone?: string
  note?: string
}

export async function listServices(): Promise<HomeService[]> {
  return (await request<Items<HomeService>>(routes.appointmentServices)).items
}

export function availability(service: string, districtId: number): Promise<Availability> {
  return request(routes.appointmentAvailability, { query: { service, district_id: districtId } })
}

export function listAppointments(query: { customer_id?: number; state?: AppointmentState; limit?: number }): Promise<AppointmentPage> {
  return request(routes.listAppointments, { query: { ...query } })
}

export function bookAppointment(body: NewAppointment): Promise<Appointment> {
  return request(routes.bookAppointment, { body })
}

export function rescheduleAppointment(id: number, body: { slot_id: number; version?: number; note?: string }): Promise<Appointment> {
  return request(routes.rescheduleAppointment, { path: { id }, body })
}

export function cancelAppointment(id: number, body: { version?: number; note?: string } = {}): Promise<Appointment> {
  return request(routes.cancelAppointment, { path: { id }, body })
}
