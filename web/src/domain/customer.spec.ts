import { describe, expect, it } from 'vitest'
import type { Account, Customer } from '@/api/types'
import { accountsInOrder, distinctAddresses, fromThousandths, isMasked, totalArrearsFen } from './customer'

const account = (id: number, utility: Account['utility'], arrears: number, address = 'A'): Account => ({
  id,
  account_no: String(1000000000 + id),
  utility,
  status: 'active',
  premise_id: 1,
  district_id: 1,
  address,
  balance_fen: 0,
  arrears_fen: arrears,
  opened_at: 0,
  meters: [],
  recent_bills: [],
})

const customer: Customer = {
  id: 1,
  kind: 'resident',
  name: '邓雨',
  id_number: '3209**********2702',
  phones: ['130****9246'],
  arrears_fen: 0,
  accounts: [account(3, 'gas', 1200), account(1, 'water', 0), account(2, 'heat', 50000, 'B')],
}

describe('customer facts', () => {
  it('orders accounts water, heating, gas', () => {
    expect(accountsInOrder(customer).map((a) => a.utility)).toEqual(['water', 'heat', 'gas'])
  })
  it('adds up arrears over accounts', () => {
    expect(totalArrearsFen(customer)).toBe(51200)
  })
  it('lists each address once', () => {
    expect(distinctAddresses(customer)).toEqual(['A', 'B'])
  })
  it('knows masked values and reads thousandths', () => {
    expect(isMasked('130****9246')).toBe(true)
    expect(isMasked('13013579246')).toBe(false)
    expect(fromThousandths(231746)).toBe('231.746')
    expect(fromThousandths(93000)).toBe('93')
  })
})
