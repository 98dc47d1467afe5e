// When the technician's phone sends its position (docs/design/dispatch.md, "Live positions"):
// often enough that the dispatch board sees where the crew is, rarely enough to spare the
// battery and the server: a fix when the last one sent is a minute old or the phone moved 100 m,
// never twice within 15 s; fixes vaguer than a kilometre (cell towers only) are not positions
// to dispatch by.

export interface Fix {
  longitude: number
  latitude: number
  /** metres, as the phone estimates it (95 % radius) */
  accuracy: number
  at: number
}

export const SEND_EVERY_MS = 60_000
export const SEND_AFTER_METRES = 100
export const MIN_GAP_MS = 15_000
export const MAX_ACCURACY_METRES = 1000
/** How often the page asks again whether the technician is tracked (a shift starts or ends). */
export const RECHECK_TRACKING_MS = 5 * 60_000

const EARTH_RADIUS_METRES = 6_371_000

/** The great-circle distance between two fixes (haversine). */
export function metresBetween(a: Pick<Fix, 'longitude' | 'latitude'>, b: Pick<Fix, 'longitude' | 'latitude'>): number {
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLon = (b.longitude - a.longitude) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)))
}

export type Verdict = 'send' | 'wait' | 'imprecise'

/** What to do with `fix`, given the last fix sent (null: none yet). */
export function verdictFor(lastSent: Fix | null, fix: Fix): Verdict {
  if (!(fix.accuracy <= MAX_ACCURACY_METRES)) return 'imprecise'
  if (!lastSent) return 'send'
  const age = fix.at - lastSent.at
  if (age < MIN_GAP_MS) return 'wait'
  return age >= SEND_EVERY_MS || metresBetween(lastSent, fix) >= SEND_AFTER_METRES ? 'send' : 'wait'
}

/** Where a technician was last seen, as the dispatch board's map shows it. */
export interface CrewPosition {
  x_km: number
  y_km: number
  at: number
}

/** The technicians' last positions as listed by GET /technicians. */
export function crewPositions(technicians: readonly { user_id: number; position: { x_km: number; y_km: number } | null; position_at: number }[]): Map<number, CrewPosition> {
  const out = new Map<number, CrewPosition>()
  for (const t of technicians) if (t.position) out.set(t.user_id, { ...t.position, at: t.position_at })
  return out
}

/** `positions` with a `technician.position` event applied (a new map), or null for any other event. */
export function withPositionEvent(positions: ReadonlyMap<number, CrewPosition>, event: { topic: string; type: string; subject: string; at: number; data: Record<string, unknown> }): Map<number, CrewPosition> | null {
  if (event.topic !== 'dispatch' || event.type !== 'technician.position') return null
  const m = /^user\/(\d+)$/.exec(event.subject)
  const { x_km, y_km } = event.data
  if (!m || typeof x_km !== 'number' || typeof y_km !== 'number') return null
  return new Map(positions).set(Number(m[1]), { x_km, y_km, at: event.at })
}
