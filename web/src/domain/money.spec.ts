import { describe, expect, it } from 'vitest'
import { billState, formatYuan, owedFen } from './money'

describe('formatYuan', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatYuan(0)).toBe('¥0.00')
    expect(formatYuan(5)).toBe('¥0.05')
    expect(formatYuan(3003)).toBe('¥30.03')
    expect(formatYuan(123456789)).toBe('¥1,234,567.89')
  })
  it('keeps the sign of a negative amount', () => {
    expect(formatYuan(-2550)).toBe('-¥25.50')
  })
})

describe('owedFen', () => {
  it('is what is left to pay, never negative', () => {
    expect(owedFen({ amount_fen: 3000, paid_fen: 1000 })).toBe(2000)
    expect(owedFen({ amount_fen: 3000, paid_fen: 3500 })).toBe(0)
  })
})

describe('billState', () => {
  const bill = { amount_fen: 5548, paid_fen: 0, due_at: 1_000 }
  it('tells settled, not yet due and overdue apart', () => {
    expect(billState({ ...bill, paid_fen: 5548 }, 2_000)).toBe('settled')
    expect(billState(bill, 500)).toBe('due')
    expect(billState(bill, 2_000)).toBe('overdue')
  })
})
