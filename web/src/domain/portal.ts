// The customer portal's pure rules: the light verification (户号 + the last four digits of the
// holder's phone), what a customer may type, how masked values are shown, the category tree as a
// phone-sized picker, free slots grouped by day, a bill's summary, and the wait a 429 asks for.
import { nestByParent, type Nested } from './categoryTree'
import { billState, owedFen, type BillState } from './money'
import { normalizePhone } from './search'
import { TIME_ZONE } from './time'

/** Full-width digits and letters (what a Chinese IME types) become ASCII; spaces and dashes go. */
export function toHalfWidth(input: string): string {
  return input.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** 户号 as printed on the bill: 6–20 digits; spaces and dashes people type are dropped. */
export function normalizeAccountNo(input: string): string | null {
  const text = toHalfWidth(input).replace(/[\s\-_]/g, '')
  return /^\d{6,20}$/.test(text) ? text : null
}

/** Exactly four digits. */
export function normalizeLast4(input: string): string | null {
  const text = toHalfWidth(input).replace(/\s/g, '')
  return /^\d{4}$/.test(text) ? text : null
}

export type VerifyField = 'account_no' | 'phone_last4'

export interface Verification {
  account_no: string
  phone_last4: string
}

/** The normalised verification, or the i18n keys of what is wrong, per field. */
export function checkVerification(input: Verification): { ok: Verification } | { errors: Partial<Record<VerifyField, string>> } {
  const account = normalizeAccountNo(input.account_no)
  const last4 = normalizeLast4(input.phone_last4)
  const errors: Partial<Record<VerifyField, string>> = {}
  if (!input.account_no.trim()) errors.account_no = 'portal.verify.account_required'
  else if (!account) errors.account_no = 'portal.verify.account_invalid'
  if (!input.phone_last4.trim()) errors.phone_last4 = 'portal.verify.last4_required'
  else if (!last4) errors.phone_last4 = 'portal.verify.last4_invalid'
  if (account && last4) return { ok: { account_no: account, phone_last4: last4 } }
  return { errors }
}

/** An optional callback number: empty is fine; otherwise a mobile or a landline with area code. */
export function checkContactPhone(input: string): { ok: string | undefined } | { error: string } {
  const text = toHalfWidth(input).trim()
  if (!text) return { ok: undefined }
  const phone = normalizePhone(text)
  return phone ? { ok: phone } : { error: 'portal.report.phone_invalid' }
}

/** The server takes 1–500 characters. */
export const DESCRIPTION_MAX = 500

export function checkDescription(input: string): string | null {
  const text = input.trim()
  if (!text) return 'portal.report.description_required'
  if ([...text].length > DESCRIPTION_MAX) return 'portal.report.description_long'
  return null
}

/**
 * A holder's name as the portal may show it: the server masks it (张*); should a bare name ever
 * arrive, everything after the first character is hidden here too.
 */
export function maskedName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1 || chars.slice(1).every((c) => c === '*')) return chars.join('')
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 2))
}

/** 户号 shown back on a result page: the first two and the last four digits. */
export function maskedAccountNo(no: string): string {
  if (no.length <= 6) return no
  return `${no.slice(0, 2)}${'*'.repeat(no.length - 6)}${no.slice(-4)}`
}

/** How the photos of a new report are getting on. */
export interface UploadState {
  total: number
  done: number
  failures: { name: string; reason: string }[]
}

// ---- the category picker ----

export interface PortalCategory {
  code: string
  name: string
  parent: string | null
}

export type CategoryNode = Nested<PortalCategory>

/** The flat list as a tree, in the server's order; a child whose parent is missing is a root. */
export function categoryTree(items: readonly PortalCategory[]): CategoryNode[] {
  return nestByParent(items)
}

/** The leaves under a node (the node itself when it has none): what a customer finally picks. */
export function leavesOf(node: CategoryNode): CategoryNode[] {
  if (!node.children.length) return [node]
  return node.children.flatMap(leavesOf)
}

export interface PickerGroup {
  code: string
  /** null: the utility's own problems without a sub-heading */
  name: string | null
  leaves: CategoryNode[]
}

/**
 * A utility's problems as the picker shows them: each sub-group with a heading and its leaves,
 * and the utility's direct leaves together in one group without a heading (where the first was).
 */
export function pickerGroups(root: CategoryNode): PickerGroup[] {
  const groups: PickerGroup[] = []
  let loose: PickerGroup | null = null
  for (const child of root.children) {
    if (child.children.length) groups.push({ code: child.code, name: child.name, leaves: leavesOf(child) })
    else if (loose) loose.leaves.push(child)
    else groups.push((loose = { code: `${root.code}.*`, name: null, leaves: [child] }))
  }
  return groups
}

/** The names from the root down to a code, for "供水 › 水质 › 水黄". */
export function categoryPath(items: readonly PortalCategory[], code: string): string[] {
  const byCode = new Map(items.map((c) => [c.code, c]))
  const names: string[] = []
  const seen = new Set<string>()
  let current = byCode.get(code)
  while (current && !seen.has(current.code)) {
    seen.add(current.code)
    names.unshift(current.name)
    current = current.parent ? byCode.get(current.parent) : undefined
  }
  return names
}

// ---- slots by day ----

export interface SlotLike {
  id: number
  starts_at: number
  ends_at: number
  remaining: number
}

export interface SlotDay<S extends SlotLike> {
  /** yyyy-mm-dd in Asia/Shanghai */
  day: string
  /** 0 = Sunday … 6 = Saturday */
  weekday: number
  slots: S[]
}

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
const weekdayFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, weekday: 'short' })
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

export function localDay(ms: number): string {
  return dayFormat.format(new Date(ms))
}

/** Free slots (a seat left) grouped by local day, days and slots soonest first. */
export function groupSlotsByDay<S extends SlotLike>(slots: readonly S[]): SlotDay<S>[] {
  const days = new Map<string, SlotDay<S>>()
  for (const s of [...slots].filter((x) => x.remaining > 0).sort((a, b) => a.starts_at - b.starts_at || a.id - b.id)) {
    const day = localDay(s.starts_at)
    let group = days.get(day)
    if (!group) {
      group = { day, weekday: WEEKDAYS.indexOf(weekdayFormat.format(new Date(s.starts_at))), slots: [] }
      days.set(day, group)
    }
    group.slots.push(s)
  }
  return [...days.values()]
}

/** "09:00–11:00" in Asia/Shanghai. */
export function windowText(slot: { starts_at: number; ends_at: number }): string {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false })
  return `${f.format(new Date(slot.starts_at))}–${f.format(new Date(slot.ends_at))}`
}

/** "12-03" of a yyyy-mm-dd day. */
export function shortDay(day: string): string {
  return day.slice(5)
}

// ---- bills ----

export interface PortalBill {
  period: string
  usage: number
  amount_fen: number
  paid_fen: number
  due_at: number
}

export interface BillRow extends PortalBill {
  owed_fen: number
  state: BillState
}

/** Newest period first, each with what is still owed and whether it is overdue. */
export function billRows(bills: readonly PortalBill[], now: number): BillRow[] {
  return [...bills]
    .sort((a, b) => b.period.localeCompare(a.period))
    .map((b) => ({ ...b, owed_fen: owedFen(b), state: billState(b, now) }))
}

/** "202611" or "2026-11" → "2026-11". */
export function periodText(period: string): string {
  return /^\d{6}$/.test(period) ? `${period.slice(0, 4)}-${period.slice(4)}` : period
}

// ---- being told to wait ----

/** A 429: too many requests from this address, or too many reports for this account. */
export function isRateLimited(e: unknown): boolean {
  const error = e as { status?: unknown } | null
  return !!error && typeof error === 'object' && error.status === 429
}

/**
 * The seconds a 429 asks to wait (its Retry-After, at least 1), or null — for any other error,
 * and for a 429 without the header (the per-account daily limit, where no wait helps today).
 */
export function retryAfterSeconds(e: unknown): number | null {
  if (!isRateLimited(e)) return null
  const s = (e as { retryAfter?: unknown }).retryAfter
  return typeof s === 'number' && Number.isFinite(s) ? Math.max(1, Math.ceil(s)) : null
}
