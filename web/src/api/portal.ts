// The customer portal's calls (no login): home-service booking, reporting a problem, the bill
// query, outages and announcements, and photos added by tracking code. Every call is anonymous —
// a staff token in this browser must never be sent from the public pages.
import { request } from './http'
import { routes } from './routes'
import type { Items, Utility } from './types'
import type { Announcement } from './workflow'

export interface ServiceGuidance {
  where?: string
  bring?: string[]
  phone?: string
  hours?: string
  note?: string
}

export type ServiceKind = 'activation' | 'repair' | 'rerouting' | 'inspection' | 'valve_pipe' | 'renovation' | 'alarm_install'

export interface HomeService {
  code: string
  kind: ServiceKind
  utility: Utility
  name: string
  duration_minutes: number
  category: string
  bookable: boolean
  guidance: ServiceGuidance | null
}

export interface PublicSlot {
  id: number
  starts_at: number
  ends_at: number
  window: string
  remaining: number
}

export interface PublicAvailability {
  service: HomeService
  bookable: boolean
  guidance: ServiceGuidance | null
  slots: PublicSlot[]
}

export interface PublicBooking {
  id: number
  service: string
  state: 'booked' | 'cancelled' | 'done'
  starts_at: number
  ends_at: number
  window: string
  tracking_code: string
}

export interface PublicCategory {
  code: string
  name: string
  parent: string | null
  utility: Utility | null
}

export interface NewPublicReport {
  account_no: string
  phone_last4: string
  category: string
  description: string
  contact_phone?: string
}

export interface PublicReport {
  number: string
  tracking_code: string
  state: string
  category: string
  created_at: number
}

export interface PublicBill {
  period: string
  usage: number
  amount_fen: number
  paid_fen: number
  due_at: number
}

export interface BillQueryAnswer {
  account_no: string
  utility: Utility
  holder: string
  address: string
  balance_fen: number
  arrears_fen: number
  recent_bills: PublicBill[]
  as_of: number
}

export interface PublicOutage {
  id: number
  utility: Utility
  kind: 'planned' | 'unplanned'
  state: 'planned' | 'active' | 'restored' | 'cancelled'
  title: string
  reason?: string
  starts_at: number
  expected_restore_at: number | null
}

export interface PublicOutages {
  affected: boolean
  items: PublicOutage[]
}

export interface PhotoAdded {
  id: number
  name: string
  content_type: string
  size: number
  uploaded_at: number
}

export async function listPublicServices(): Promise<HomeService[]> {
  return (await request<Items<HomeService>>(routes.publicAppointmentServices, { anonymous: true })).items
}

/** Free slots for the account's address, or the guidance when the service needs papers (404: no such account). */
export function publicSlots(service: string, accountNo: string): Promise<PublicAvailability> {
  return request(routes.publicAppointmentSlots, { query: { service, account_no: accountNo }, anonymous: true })
}

/** Books as the customer; a wrong account or wrong digits are the same 404, a full slot a 409. */
export function bookPublic(body: { account_no: string; phone_last4: string; service: string; slot_id: number }): Promise<PublicBooking> {
  return request(routes.publicBook, { body, anonymous: true })
}

/** The categories a customer may report, parents before children. */
export async function listPublicCategories(): Promise<PublicCategory[]> {
  return (await request<Items<PublicCategory>>(routes.publicWorkOrderCategories, { anonymous: true })).items
}

/** 在线报修: creates a work order; the answer has its number and tracking code. */
export function reportProblem(body: NewPublicReport): Promise<PublicReport> {
  return request(routes.publicReport, { body, anonymous: true })
}

/** 账单查询: balance, arrears and recent bills, with the holder and address masked. */
export function queryBill(body: { account_no: string; phone_last4: string }): Promise<BillQueryAnswer> {
  return request(routes.publicBillQuery, { body, anonymous: true })
}

export function publicOutages(accountNo: string): Promise<PublicOutages> {
  return request(routes.publicOutages, { query: { account_no: accountNo }, anonymous: true })
}

export async function publicAnnouncements(): Promise<Announcement[]> {
  return (await request<Items<Announcement>>(routes.publicAnnouncements, { anonymous: true })).items
}

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024
export const PHOTO_MAX_COUNT = 5

/** A photo added by the customer to their order (images only, 5 per order). */
export function addTrackPhoto(code: string, file: Blob, name: string): Promise<PhotoAdded> {
  return request(routes.trackAttachment, { path: { code }, query: { name }, raw: { data: file, type: file.type }, anonymous: true })
}
