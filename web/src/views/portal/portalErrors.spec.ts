import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { i18n } from '@/i18n'
import { portalErrorText, portalFieldError } from './portalErrors'

function rateLimited(retryAfter?: number): ApiError {
  const e = new ApiError(429, { code: 'rate_limited', title: 'too many' })
  if (retryAfter !== undefined) e.retryAfter = retryAfter
  return e
}

describe('portal error words', () => {
  it('tells how many seconds to wait after a 429, in both languages', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(portalErrorText(rateLimited(30))).toBe('请求过于频繁，请 30 秒后再试')
    i18n.global.locale.value = 'en'
    expect(portalErrorText(rateLimited(30))).toBe('Too many requests — please try again in 30 seconds')
    i18n.global.locale.value = 'zh-CN'
  })
  it('names the daily limit when a 429 has no Retry-After', () => {
    expect(portalErrorText(rateLimited())).toContain('已达上限')
  })
  it('says the same for a wrong account and wrong digits, or what the page asks', () => {
    const notFound = new ApiError(404, { code: 'not_found' })
    expect(portalErrorText(notFound)).toBe('户号或手机号后四位不正确，请核对后重试')
    expect(portalErrorText(notFound, 'portal.book.account_unknown')).toBe('未找到该户号，请核对后重试')
  })
  it('puts a 400 under the field it names, when the form has that field', () => {
    const e = new ApiError(400, { code: 'invalid_argument', field: 'description', detail: 'too long' })
    expect(portalFieldError(e, ['description'])).toEqual({ field: 'description', message: 'too long' })
    expect(portalFieldError(e, ['account_no'])).toBeNull()
    expect(portalErrorText(new ApiError(0, { code: 'network' }))).toBe(i18n.global.t('errors.network'))
  })
})
