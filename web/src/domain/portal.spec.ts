import { describe, expect, it } from 'vitest'
import {
  billRows,
  categoryPath,
  categoryTree,
  checkContactPhone,
  checkDescription,
  checkVerification,
  groupSlotsByDay,
  isRateLimited,
  leavesOf,
  pickerGroups,
  localDay,
  maskedAccountNo,
  maskedName,
  normalizeAccountNo,
  normalizeLast4,
  periodText,
  retryAfterSeconds,
  toHalfWidth,
  windowText,
} from './portal'

// 2026-12-03 09:00 in Asia/Shanghai is 01:00 UTC.
const at = (day: number, hour: number) => Date.UTC(2026, 11, day, hour - 8, 0)

describe('verification input', () => {
  it('takes an account number with spaces, dashes or full-width digits', () => {
    expect(normalizeAccountNo(' 1000 000 001 ')).toBe('1000000001')
    expect(normalizeAccountNo('1000-000-001')).toBe('1000000001')
    expect(normalizeAccountNo('１０００００００１')).toBe('100000001')
    expect(toHalfWidth('ＡＢ１２')).toBe('AB12')
  })
  it('refuses what cannot be an account number', () => {
    expect(normalizeAccountNo('')).toBeNull()
    expect(normalizeAccountNo('12345')).toBeNull()
    expect(normalizeAccountNo('1'.repeat(21))).toBeNull()
    expect(normalizeAccountNo('10000x0001')).toBeNull()
  })
  it('wants exactly four digits', () => {
    expect(normalizeLast4('5678')).toBe('5678')
    expect(normalizeLast4(' ５６７８ ')).toBe('5678')
    expect(normalizeLast4('567')).toBeNull()
    expect(normalizeLast4('56789')).toBeNull()
    expect(normalizeLast4('56a8')).toBeNull()
  })
  it('names each missing or wrong field, and normalises a good pair', () => {
    expect(checkVerification({ account_no: '', phone_last4: '' })).toEqual({
      errors: { account_no: 'portal.verify.account_required', phone_last4: 'portal.verify.last4_required' },
    })
    expect(checkVerification({ account_no: '12', phone_last4: '12345' })).toEqual({
      errors: { account_no: 'portal.verify.account_invalid', phone_last4: 'portal.verify.last4_invalid' },
    })
    expect(checkVerification({ account_no: '1000000001 ', phone_last4: '9246' })).toEqual({
      ok: { account_no: '1000000001', phone_last4: '9246' },
    })
  })
  it('takes an optional call-back number in any usual spelling', () => {
    expect(checkContactPhone('')).toEqual({ ok: undefined })
    expect(checkContactPhone('+86 130-1357-9246')).toEqual({ ok: '13013579246' })
    expect(checkContactPhone('0571 8888 6666')).toEqual({ ok: '057188886666' })
    expect(checkContactPhone('12345')).toEqual({ error: 'portal.report.phone_invalid' })
  })
  it('wants a description of at most 500 characters', () => {
    expect(checkDescription('  ')).toBe('portal.report.description_required')
    expect(checkDescription('水黄')).toBeNull()
    expect(checkDescription('水'.repeat(500))).toBeNull()
    expect(checkDescription('水'.repeat(501))).toBe('portal.report.description_long')
  })
})

describe('masking', () => {
  it('keeps a name the server masked, and masks one it did not', () => {
    expect(maskedName('张**')).toBe('张**')
    expect(maskedName('张*')).toBe('张*')
    expect(maskedName('张三丰')).toBe('张**')
    expect(maskedName('李四')).toBe('李*')
    expect(maskedName('王')).toBe('王')
  })
  it('shows the first two and the last four digits of an account', () => {
    expect(maskedAccountNo('1000000001')).toBe('10****0001')
    expect(maskedAccountNo('123456')).toBe('123456')
  })
})

describe('the category tree', () => {
  const items = [
    { code: 'water', name: '供水', parent: null },
    { code: 'water.quality', name: '水质', parent: 'water' },
    { code: 'water.quality.yellow', name: '水黄', parent: 'water.quality' },
    { code: 'water.quality.smell', name: '有异味', parent: 'water.quality' },
    { code: 'water.leak', name: '漏水', parent: 'water' },
    { code: 'gas', name: '燃气', parent: null },
    { code: 'orphan.child', name: '孤儿', parent: 'missing' },
  ]
  it('nests children under parents, in order, orphans as roots', () => {
    const tree = categoryTree(items)
    expect(tree.map((n) => n.code)).toEqual(['water', 'gas', 'orphan.child'])
    expect(tree[0].children.map((n) => n.code)).toEqual(['water.quality', 'water.leak'])
  })
  it('offers the leaves to pick', () => {
    const [water] = categoryTree(items)
    expect(leavesOf(water).map((n) => n.code)).toEqual(['water.quality.yellow', 'water.quality.smell', 'water.leak'])
    expect(leavesOf(water.children[1]).map((n) => n.code)).toEqual(['water.leak'])
  })
  it('puts the own problems of a utility together, sub-groups under their heading', () => {
    const tree = categoryTree([...items, { code: 'water.pressure', name: '水压小', parent: 'water' }])
    expect(pickerGroups(tree[0]).map((g) => [g.name, g.leaves.map((l) => l.code)])).toEqual([
      ['水质', ['water.quality.yellow', 'water.quality.smell']],
      [null, ['water.leak', 'water.pressure']],
    ])
  })
  it('names the path of a code', () => {
    expect(categoryPath(items, 'water.quality.yellow')).toEqual(['供水', '水质', '水黄'])
    expect(categoryPath(items, 'nope')).toEqual([])
  })
})

describe('slots by day', () => {
  it('groups free slots by local day, soonest first, and drops full ones', () => {
    const days = groupSlotsByDay([
      { id: 3, starts_at: at(4, 9), ends_at: at(4, 11), remaining: 2 },
      { id: 2, starts_at: at(3, 14), ends_at: at(3, 16), remaining: 1 },
      { id: 1, starts_at: at(3, 9), ends_at: at(3, 11), remaining: 4 },
      { id: 4, starts_at: at(3, 16), ends_at: at(3, 18), remaining: 0 },
    ])
    expect(days.map((d) => d.day)).toEqual(['2026-12-03', '2026-12-04'])
    expect(days[0].slots.map((s) => s.id)).toEqual([1, 2])
    expect(days[0].weekday).toBe(4)
    expect(days[1].weekday).toBe(5)
  })
  it('puts a slot starting after midnight in Shanghai on that day, not the UTC one', () => {
    expect(localDay(Date.UTC(2026, 11, 3, 16, 30))).toBe('2026-12-04')
  })
  it('writes the window in Shanghai time', () => {
    expect(windowText({ starts_at: at(3, 9), ends_at: at(3, 11) })).toBe('09:00–11:00')
  })
  it('is empty without free slots', () => {
    expect(groupSlotsByDay([])).toEqual([])
  })
})

describe('bills', () => {
  const now = at(20, 12)
  it('lists the newest period first with what is owed and whether it is late', () => {
    const rows = billRows(
      [
        { period: '202610', usage: 12, amount_fen: 3000, paid_fen: 3000, due_at: at(1, 0) },
        { period: '202611', usage: 15, amount_fen: 4000, paid_fen: 1000, due_at: at(10, 0) },
        { period: '202612', usage: 9, amount_fen: 2500, paid_fen: 0, due_at: at(28, 0) },
      ],
      now,
    )
    expect(rows.map((r) => [r.period, r.owed_fen, r.state])).toEqual([
      ['202612', 2500, 'due'],
      ['202611', 3000, 'overdue'],
      ['202610', 0, 'settled'],
    ])
  })
  it('writes a period as yyyy-mm', () => {
    expect(periodText('202611')).toBe('2026-11')
    expect(periodText('2026-11')).toBe('2026-11')
  })
})

describe('being told to wait', () => {
  it('reads the seconds of a 429, rounded up, at least one', () => {
    expect(retryAfterSeconds({ status: 429, retryAfter: 12 })).toBe(12)
    expect(retryAfterSeconds({ status: 429, retryAfter: 0.2 })).toBe(1)
    expect(retryAfterSeconds({ status: 429, retryAfter: 0 })).toBe(1)
  })
  it('has no wait for a 429 without Retry-After, nor for other errors', () => {
    expect(retryAfterSeconds({ status: 429 })).toBeNull()
    expect(isRateLimited({ status: 429 })).toBe(true)
    expect(retryAfterSeconds({ status: 404, retryAfter: 5 })).toBeNull()
    expect(retryAfterSeconds(null)).toBeNull()
    expect(isRateLimited(new Error('x'))).toBe(false)
  })
})
