import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { errorText } from './errors'

describe('errorText', () => {
  it('picks the message by the problem code, in the UI language', () => {
    expect(errorText(new ApiError(403, { code: 'forbidden' }))).toBe('没有权限执行此操作')
    expect(errorText(new ApiError(0, { code: 'network' }))).toContain('无法连接服务器')
  })
  it('names the field of an invalid input', () => {
    const e = new ApiError(400, { code: 'invalid_argument', field: 'q', detail: 'q is too long' })
    expect(errorText(e)).toBe('q：q is too long')
  })
  it('falls back to a generic message', () => {
    expect(errorText(new Error('boom'))).toBe('操作失败，请稍后重试')
    expect(errorText(new ApiError(500, { code: 'teapot', title: '服务器内部错误' }))).toBe('服务器内部错误')
  })
})
