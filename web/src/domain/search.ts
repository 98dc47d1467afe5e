// What the agent typed into the search box: a phone number goes to the screen pop (which also
// brings the outages reaching the caller), anything else to the customer search.
export type SearchInput =
  | { kind: 'empty' }
  | { kind: 'phone'; phone: string }
  | { kind: 'search'; q: string }
  | { kind: 'too_long' }

export const MAX_QUERY_LENGTH = 100

/** Strips what a caller ID or a person adds to a number: +86, 0086, spaces, dashes, brackets. */
export function normalizePhone(input: string): string | null {
  let digits = input.replace(/[\s\-()（）]/g, '')
  if (!/^\+?\d+$/.test(digits)) return null
  if (digits.startsWith('+86')) digits = digits.slice(3)
  else if (digits.startsWith('0086')) digits = digits.slice(4)
  else if (digits.startsWith('+')) return null
  // Mobile: 1 and ten more digits. Landline with area code: 0 and 9–11 more.
  if (/^1\d{10}$/.test(digits)) return digits
  if (/^0\d{9,11}$/.test(digits)) return digits
  return null
}

export function classifyInput(raw: string): SearchInput {
  const text = raw.trim()
  if (!text) return { kind: 'empty' }
  if (text.length > MAX_QUERY_LENGTH) return { kind: 'too_long' }
  const phone = normalizePhone(text)
  if (phone) return { kind: 'phone', phone }
  return { kind: 'search', q: text }
}
