// The wall board's counters as a pure fold over events: totals by topic, the last minute's
// rate, and the latest few events for the ticker.
import type { LifelineEvent } from '@/api/types'

export const TOPICS = ['auth', 'user', 'org', 'customer', 'outage', 'dispatch', 'workorder'] as const
export const RECENT_LIMIT = 12
const MINUTE_MS = 60_000

export interface BoardCounters {
  total: number
  byTopic: Record<string, number>
  recent: LifelineEvent[]
  /** Arrival times (client clock) of the events of the last minute. */
  window: number[]
}

export function emptyCounters(): BoardCounters {
  return { total: 0, byTopic: Object.fromEntries(TOPICS.map((t) => [t, 0])), recent: [], window: [] }
}

export function applyEvent(state: BoardCounters, event: LifelineEvent, now: number): BoardCounters {
  const byTopic = { ...state.byTopic, [event.topic]: (state.byTopic[event.topic] ?? 0) + 1 }
  const recent = [event, ...state.recent].slice(0, RECENT_LIMIT)
  const window = [...state.window.filter((at) => now - at < MINUTE_MS), now]
  return { total: state.total + 1, byTopic, recent, window }
}

/** Events in the last minute, as of `now`. */
export function lastMinute(state: BoardCounters, now: number): number {
  return state.window.filter((at) => now - at < MINUTE_MS).length
}

export interface DistrictPoint {
  id: number
  name: string
  x: number
  y: number
  branch: string | null
}

/** Districts on the map, each with the branch that serves it (or none). */
export function districtPoints(
  districts: { id: number; name: string; x_km: number; y_km: number }[],
  branches: { name: string; kind: string; area_district_ids: number[] }[],
): DistrictPoint[] {
  const servedBy = new Map<number, string>()
  for (const b of branches) {
    if (b.kind !== 'branch') continue
    for (const id of b.area_district_ids) if (!servedBy.has(id)) servedBy.set(id, b.name)
  }
  return districts.map((d) => ({ id: d.id, name: d.name, x: d.x_km, y: d.y_km, branch: servedBy.get(d.id) ?? null }))
}

/** What an event is about, in words when the event says: a username, a title, else its subject. */
export function eventSubject(event: LifelineEvent): string {
  for (const key of ['username', 'title', 'name', 'number']) {
    const value = event.data?.[key]
    if (typeof value === 'string' && value) return value
  }
  return event.subject
}
