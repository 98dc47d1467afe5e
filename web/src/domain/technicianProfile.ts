// A technician's dispatch profile as the roster's form edits it: the listed profile (times as
// "08:00") to the request (minutes from midnight) and back, a first profile for a technician
// taken on since, and who among the technician users has none yet.
import type { Technician, TechnicianProfile, Trade, User } from '@/api/types'
import { textMinute } from './slots'

export interface ProfileForm {
  skills: { trade: Trade; level: number }[]
  shiftStart: string
  shiftEnd: string
  hasBreak: boolean
  breakEarliest: string
  breakLatest: string
  breakMinutes: number
  depotX: number
  depotY: number
  vanCapacity: number
}

/** "08:30" → 510; what is not a time → -1, for the server to refuse naming the field. */
function minuteOf(hhmm: string): number {
  return textMinute(hhmm) ?? -1
}

export function formOf(t: Technician): ProfileForm {
  return {
    skills: t.skills.map((s) => ({ ...s })),
    shiftStart: t.shift.start,
    shiftEnd: t.shift.end,
    hasBreak: t.break !== null,
    breakEarliest: t.break?.earliest ?? '11:30',
    breakLatest: t.break?.latest ?? '13:00',
    breakMinutes: t.break?.minutes ?? 60,
    depotX: t.depot.x_km,
    depotY: t.depot.y_km,
    vanCapacity: t.van_capacity,
  }
}

/** The usual day for someone new: 08:00–17:30, an hour's break from 11:30–13:00, at their
 *  team's depot (a colleague's), else the centre. */
export function firstForm(depot: { x_km: number; y_km: number } = { x_km: 0, y_km: 0 }): ProfileForm {
  return { skills: [], shiftStart: '08:00', shiftEnd: '17:30', hasBreak: true, breakEarliest: '11:30', breakLatest: '13:00', breakMinutes: 60, depotX: depot.x_km, depotY: depot.y_km, vanCapacity: 20 }
}

export function profileOf(form: ProfileForm): TechnicianProfile {
  const profile: TechnicianProfile = {
    skills: form.skills,
    shift_start_minute: minuteOf(form.shiftStart),
    shift_end_minute: minuteOf(form.shiftEnd),
    break_minutes: form.hasBreak ? form.breakMinutes : 0,
    depot_x_km: form.depotX,
    depot_y_km: form.depotY,
    van_capacity: form.vanCapacity,
  }
  if (form.hasBreak) {
    profile.break_earliest_minute = minuteOf(form.breakEarliest)
    profile.break_latest_minute = minuteOf(form.breakLatest)
  }
  return profile
}

/** Enabled technician users without a dispatch profile: plans and suggestions cannot see them. */
export function unprofiled(users: readonly User[], technicians: readonly Technician[]): User[] {
  const known = new Set(technicians.map((t) => t.user_id))
  return users.filter((u) => u.role === 'technician' && !u.disabled && !known.has(u.id))
}
