import { describe, expect, it } from 'vitest'
import { classifyInput, normalizePhone } from './search'

describe('normalizePhone', () => {
  it('reads caller IDs written any way', () => {
    expect(normalizePhone('13013579246')).toBe('13013579246')
    expect(normalizePhone('+86 130-1357-9246')).toBe('13013579246')
    expect(normalizePhone('0086 13013579246')).toBe('13013579246')
    expect(normalizePhone('(0571) 8765 4321')).toBe('057187654321')
  })
  it('refuses what is not a phone number', () => {
    expect(normalizePhone('1000000001')).toBeNull() // a 10-digit account number
    expect(normalizePhone('阳光花园')).toBeNull()
    expect(normalizePhone('+1 555 0100')).toBeNull()
  })
})

describe('classifyInput', () => {
  it('sends phone numbers to the screen pop and the rest to the search', () => {
    expect(classifyInput(' 130 1357 9246 ')).toEqual({ kind: 'phone', phone: '13013579246' })
    expect(classifyInput('1000000001')).toEqual({ kind: 'search', q: '1000000001' })
    expect(classifyInput('阳光花园1栋')).toEqual({ kind: 'search', q: '阳光花园1栋' })
  })
  it('knows empty and over-long input', () => {
    expect(classifyInput('   ')).toEqual({ kind: 'empty' })
    expect(classifyInput('x'.repeat(101))).toEqual({ kind: 'too_long' })
  })
})
