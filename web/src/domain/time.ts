// Times are epoch milliseconds (UTC) from the server, shown in the utility's time zone.
export const TIME_ZONE = 'Asia/Shanghai'

function parts(ms: number): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  const out: Record<string, string> = {}
  for (const p of format.formatToParts(new Date(ms))) out[p.type] = p.value
  return out
}

/** 2026-11-15 08:30 */
export function formatDateTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  const p = parts(ms)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** 2026-11-15 08:30:05 */
export function formatDateTimeSeconds(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  const p = parts(ms)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}

/** 2026-11-15 */
export function formatDate(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  const p = parts(ms)
  return `${p.year}-${p.month}-${p.day}`
}

/** 08:30:05 */
export function formatClock(ms: number): string {
  const p = parts(ms)
  return `${p.hour}:${p.minute}:${p.second}`
}
