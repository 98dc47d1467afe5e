// The words for a failed call: the problem's stable code picks the message, so the text follows
// the UI language; a field error names the field and keeps the server's detail.
import { isApiError } from '@/api/http'
import { i18n } from './index'

const BY_CODE: Record<string, string> = {
  network: 'errors.network',
  unauthenticated: 'errors.session_expired',
  forbidden: 'errors.forbidden',
  not_found: 'errors.not_found',
  conflict: 'errors.conflict',
  locked: 'errors.locked',
  rate_limited: 'errors.rate_limited',
  unavailable: 'errors.unavailable',
  too_large: 'errors.too_large',
  invalid_argument: 'errors.invalid',
}

export function errorText(e: unknown): string {
  const { t } = i18n.global
  if (!isApiError(e)) return t('errors.generic')
  if (e.code === 'invalid_argument' && e.field && e.detail) {
    return t('errors.field', { field: e.field, message: e.detail })
  }
  const key = BY_CODE[e.code]
  return key ? t(key) : e.title || t('errors.generic')
}
