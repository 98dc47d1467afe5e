// Appointment slots as staff see and plan them: booked vs capacity, slots by day, the standard
// windows, and a planning form → the request the server takes (checked like the server first).
import type { AppointmentSlot, SlotPlan, SlotWindow } from '@/api/slots'
import type { Utility } from '@/api/types'

export const MAX_PLAN_DAYS = 92
export const MAX_CAPACITY = 200
export const STANDARD_WINDOWS: readonly SlotWindow[] = [
  { start_minute: 540, end_minute: 660, capacity: 4 },
  { start_minute: 660, end_minute: 780, capacity: 4 },
  { start_minute: 840, end_minute: 960, capacity: 4 },
  { start_minute: 960, end_minute: 1080, capacity: 4 },
]

const pad = (n: number) => String(n).padStart(2, '0')

/** 540 → "09:00"; 1440 → "24:00". */
export function minuteText(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`
}

/** "09:30" → 570; anything else → null. */
export function textMinute(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null
  return h * 60 + min
}

export type Fill = 'free' | 'busy' | 'full'

/** How full a slot is: full when no seat is left, busy from 80 %. */
export function fillOf(booked: number, capacity: number): Fill {
  if (capacity <= 0 || booked >= capacity) return 'full'
  return booked / capacity >= 0.8 ? 'busy' : 'free'
}

/** Booked share 0–100 for a progress bar. */
export function fillPercent(booked: number, capacity: number): number {
  if (capacity <= 0) return 100
  return Math.min(100, Math.round((booked / capacity) * 100))
}

export interface SlotDay {
  /** YYYY-MM-DD, from the slot's local window text */
  date: string
  slots: AppointmentSlot[]
  capacity: number
  booked: number
}

/** Slots by local day, soonest first, with the day's seats. */
export function slotDays(slots: readonly AppointmentSlot[]): SlotDay[] {
  const days = new Map<string, SlotDay>()
  const sorted = [...slots].sort((a, b) => a.starts_at - b.starts_at || a.id - b.id)
  for (const s of sorted) {
    const date = s.window.slice(0, 10)
    let day = days.get(date)
    if (!day) days.set(date, (day = { date, slots: [], capacity: 0, booked: 0 }))
    day.slots.push(s)
    day.capacity += s.capacity
    day.booked += s.booked
  }
  return [...days.values()]
}

/** Totals over a list of slots. */
export function seatTotals(slots: readonly AppointmentSlot[]): { capacity: number; booked: number; full: number } {
  return slots.reduce(
    (t, s) => ({ capacity: t.capacity + s.capacity, booked: t.booked + s.booked, full: t.full + (s.remaining <= 0 ? 1 : 0) }),
    { capacity: 0, booked: 0, full: 0 },
  )
}

/** What the planning form holds. Dates are YYYY-MM-DD (local). */
export interface PlanForm {
  teamId: number | null
  districtId: number | null
  utility: Utility | null
  range: [string, string] | null
  skipNonWorking: boolean
  windows: SlotWindow[]
}

export type PlanProblem =
  | { field: 'team_id' | 'district_id' | 'utility' | 'from'; reason: 'required' }
  | { field: 'to'; reason: 'order' | 'too_long' }
  | { field: 'windows'; index: number; reason: 'order' | 'capacity' | 'overlap' }
  | { field: 'windows'; index: -1; reason: 'empty' | 'too_many' }

/** "2026-12-03" → 20261203. */
export function dateCode(date: string): number {
  return Number(date.replaceAll('-', ''))
}

/** The first thing the server would refuse in the form, or null. */
export function planProblem(f: PlanForm): PlanProblem | null {
  if (!f.teamId) return { field: 'team_id', reason: 'required' }
  if (!f.districtId) return { field: 'district_id', reason: 'required' }
  if (!f.utility) return { field: 'utility', reason: 'required' }
  if (!f.range || !f.range[0] || !f.range[1]) return { field: 'from', reason: 'required' }
  const days = (Date.parse(f.range[1]) - Date.parse(f.range[0])) / 86_400_000 + 1
  if (!(days >= 1)) return { field: 'to', reason: 'order' }
  if (days > MAX_PLAN_DAYS) return { field: 'to', reason: 'too_long' }
  if (f.windows.length === 0) return { field: 'windows', index: -1, reason: 'empty' }
  if (f.windows.length > 12) return { field: 'windows', index: -1, reason: 'too_many' }
  const sorted = f.windows.map((w, i) => ({ ...w, i })).sort((a, b) => a.start_minute - b.start_minute)
  for (const w of f.windows.map((w, i) => ({ ...w, i }))) {
    if (!(w.start_minute >= 0 && w.end_minute <= 1440 && w.start_minute < w.end_minute)) return { field: 'windows', index: w.i, reason: 'order' }
    if (!(w.capacity >= 1 && w.capacity <= MAX_CAPACITY)) return { field: 'windows', index: w.i, reason: 'capacity' }
  }
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k].start_minute < sorted[k - 1].end_minute) return { field: 'windows', index: sorted[k].i, reason: 'overlap' }
  }
  return null
}

/** The request for a checked form. */
export function planRequest(f: PlanForm): SlotPlan {
  return {
    team_id: f.teamId!,
    district_id: f.districtId!,
    utility: f.utility!,
    from: dateCode(f.range![0]),
    to: dateCode(f.range![1]),
    skip_non_working_days: f.skipNonWorking,
    windows: f.windows.map((w) => ({ start_minute: w.start_minute, end_minute: w.end_minute, capacity: w.capacity })),
  }
}
