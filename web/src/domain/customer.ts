// Facts about a customer the agent needs at a glance.
import type { Account, Customer } from '@/api/types'

const UTILITY_ORDER: Record<string, number> = { water: 0, heat: 1, gas: 2 }

export function accountsInOrder(customer: Customer): Account[] {
  return [...customer.accounts].sort(
    (a, b) => (UTILITY_ORDER[a.utility] ?? 9) - (UTILITY_ORDER[b.utility] ?? 9) || a.id - b.id,
  )
}

export function totalArrearsFen(customer: Customer): number {
  return customer.accounts.reduce((sum, a) => sum + Math.max(0, a.arrears_fen), 0)
}

/** The addresses of a customer's accounts, each once (most live at one address). */
export function distinctAddresses(customer: Customer): string[] {
  return [...new Set(customer.accounts.map((a) => a.address).filter(Boolean))]
}

/** A masked value as the server sends it ("130****9246"). */
export function isMasked(value: string): boolean {
  return value.includes('*')
}

/** Thousandths of a unit (readings, usage) to a number with up to three decimals. */
export function fromThousandths(value: number): string {
  return (value / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 })
}
