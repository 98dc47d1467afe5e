import { describe, expect, it } from 'vitest'
import { checkOrgCode, checkPassword, checkRequired, checkUsername } from './rules'

describe('form rules', () => {
  it('accepts usernames the server accepts', () => {
    expect(checkUsername('agent07')).toBeNull()
    expect(checkUsername('li.ming-2')).toBeNull()
    expect(checkUsername('')).toBe('validation.required')
    expect(checkUsername('Agent07')).toBe('validation.username')
    expect(checkUsername('a')).toBe('validation.username')
  })
  it('wants 8+ characters with letters and digits in a password', () => {
    expect(checkPassword('Lifeline2026')).toBeNull()
    expect(checkPassword('short1')).toBe('validation.password_length')
    expect(checkPassword('onlyletters')).toBe('validation.password_mix')
    expect(checkPassword('')).toBe('validation.required')
  })
  it('checks required and length', () => {
    expect(checkRequired('  ')).toBe('validation.required')
    expect(checkRequired('x'.repeat(151), 150)).toBe('validation.too_long')
    expect(checkRequired(3)).toBeNull()
    expect(checkOrgCode('chengqu-repair-3')).toBeNull()
    expect(checkOrgCode('城区')).toBe('validation.org_code')
  })
})
