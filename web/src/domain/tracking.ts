// Tracking codes as people type them: 12 Crockford base32 characters, shown ABCD-EFGH-JKMN.
// Lower case, spaces, dashes and the look-alikes O/I/L are forgiven; anything else is refused
// before asking the server (which answers 404 to a malformed code anyway).
const ALPHABET = /^[0-9A-HJKMNP-TV-Z]{12}$/

export function normalizeTrackingCode(input: string): string | null {
  const raw = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (!ALPHABET.test(raw)) return null
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`
}

/** The states after which the customer may rate the service. */
export function mayRate(state: string): boolean {
  return state === 'resolved' || state === 'callback' || state === 'closed'
}

/** The parcel-style progress: which of the main stages are done. */
export const STAGES = ['accepted', 'dispatched', 'en_route', 'on_site', 'resolved', 'closed'] as const
const ORDER: Record<string, number> = {
  accepted: 0,
  returned: 0,
  reopened: 0,
  dispatched: 1,
  assigned: 1,
  en_route: 2,
  on_site: 3,
  resolved: 4,
  callback: 4,
  closed: 5,
}

export function stageIndex(state: string): number {
  return ORDER[state] ?? 0
}
