// The deadline settings document as the admin form edits it: minutes from midnight as HH:MM,
// yyyymmdd dates as YYYYMMDD strings for the date picker, and the checks the server makes.
import type { DeadlinePolicy, WorkOrderSettings } from '@/api/workflow'

export const MAX_MINUTES = 129_600 // 90 days

export function minuteToClock(m: number): string {
  const h = Math.floor(m / 60)
  return `${String(h).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

export function clockToMinute(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text)
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  return h < 24 && min < 60 ? h * 60 + min : null
}

export function datesToText(dates: readonly number[]): string[] {
  return [...dates].sort((a, b) => a - b).map(String)
}

export function textToDates(texts: readonly string[] | null | undefined): number[] {
  return [...new Set((texts ?? []).map(Number).filter((n) => n >= 19_000_101 && n <= 29_991_231))].sort((a, b) => a - b)
}

/** The first problem of a settings document, as [field, reason], or null. */
export function settingsProblem(s: WorkOrderSettings): [string, 'hours' | 'range' | 'duplicate' | 'category'] | null {
  if (s.close_minute <= s.open_minute) return ['close_minute', 'hours']
  const seen = new Set<string>()
  for (const [i, p] of s.policies.entries()) {
    if (!p.category.trim()) return [`policies[${i}].category`, 'category']
    for (const k of ['response_minutes', 'arrival_minutes', 'resolution_minutes'] as const) {
      if (!Number.isInteger(p[k]) || p[k] < 1 || p[k] > MAX_MINUTES) return [`policies[${i}].${k}`, 'range']
    }
    const key = `${p.category}|${p.priority}`
    if (seen.has(key)) return [`policies[${i}]`, 'duplicate']
    seen.add(key)
  }
  return null
}

/** A new policy for a category, starting from the built-in default of its root and priority. */
export function policyFrom(defaults: readonly DeadlinePolicy[], category: string, priority: DeadlinePolicy['priority']): DeadlinePolicy {
  const root = category.split('.')[0]
  const base = defaults.find((d) => d.category === root && d.priority === priority) ?? defaults.find((d) => d.priority === priority)
  return base
    ? { ...base, category, priority }
    : { category, priority, response_minutes: 120, response_business_time: false, arrival_minutes: 1440, arrival_business_time: false, resolution_minutes: 4320, resolution_business_time: true }
}
