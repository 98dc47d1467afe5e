// What a failed login means to the person at the keyboard.
import { isApiError } from '@/api/http'

export function loginErrorKey(e: unknown): string {
  if (!isApiError(e)) return 'errors.generic'
  switch (e.status) {
    case 0:
      return 'errors.network'
    case 400:
    case 401:
      return 'login.wrong'
    case 403:
      return 'login.disabled'
    case 423:
      return 'login.locked'
    case 429:
      return 'errors.rate_limited'
    default:
      return 'errors.generic'
  }
}
