import { describe, expect, it } from 'vitest'
import { formatClock, formatDate, formatDateTime, formatDateTimeSeconds } from './time'

describe('time formatting', () => {
  // 2026-11-14T16:30:05Z is 2026-11-15 00:30:05 in Shanghai: the heating season opens.
  const ms = Date.UTC(2026, 10, 14, 16, 30, 5)
  it('shows Asia/Shanghai local time whatever the browser zone', () => {
    expect(formatDateTime(ms)).toBe('2026-11-15 00:30')
    expect(formatDateTimeSeconds(ms)).toBe('2026-11-15 00:30:05')
    expect(formatDate(ms)).toBe('2026-11-15')
    expect(formatClock(ms)).toBe('00:30:05')
  })
  it('shows a dash for a missing time', () => {
    expect(formatDateTime(null)).toBe('—')
    expect(formatDate(undefined)).toBe('—')
  })
})
