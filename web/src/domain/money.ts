// Money is integer fen everywhere in Lifeline; people read yuan with two decimals.
export function formatYuan(fen: number): string {
  const negative = fen < 0
  const abs = Math.abs(Math.trunc(fen))
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}¥${grouped}.${cents}`
}

/** What is still owed on a bill. */
export function owedFen(bill: { amount_fen: number; paid_fen: number }): number {
  return Math.max(0, bill.amount_fen - bill.paid_fen)
}

export type BillState = 'settled' | 'due' | 'overdue'

/** Paid in full; owed but not yet due (待缴); or owed past its due date (欠费). */
export function billState(bill: { amount_fen: number; paid_fen: number; due_at: number }, now: number): BillState {
  if (owedFen(bill) === 0) return 'settled'
  return bill.due_at < now ? 'overdue' : 'due'
}
