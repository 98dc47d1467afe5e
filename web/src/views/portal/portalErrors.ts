// The words for a failed portal call: a 429 says how long to wait (its Retry-After), a 404 says
// what the page means by "not found" (a wrong account or wrong digits get the same answer),
// everything else falls back to the app's error words.
import { isApiError } from '@/api/http'
import { isRateLimited, retryAfterSeconds } from '@/domain/portal'
import { i18n } from '@/i18n'
import { errorText } from '@/i18n/errors'

export function portalErrorText(e: unknown, notFoundKey = 'portal.verify.not_found'): string {
  const { t } = i18n.global
  const wait = retryAfterSeconds(e)
  if (wait !== null) return t('portal.rate_limited', { n: wait })
  if (isRateLimited(e)) return t('portal.limit_reached')
  if (isApiError(e) && e.status === 404) return t(notFoundKey)
  return errorText(e)
}

/** A 400 naming one of the form's fields: its message goes under that field. */
export function portalFieldError(e: unknown, fields: readonly string[]): { field: string; message: string } | null {
  if (!isApiError(e) || e.status !== 400 || !e.field || !fields.includes(e.field)) return null
  return { field: e.field, message: e.detail || e.title }
}
