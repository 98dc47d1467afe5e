import { request } from './http'
import { routes } from './routes'
import type { BillingSnapshot, Customer, Items, TopologyNode } from './types'

/** The screen pop: customers reachable at a phone number, with open outages. */
export async function screenPop(phone: string, signal?: AbortSignal): Promise<Customer[]> {
  return (await request<Items<Customer>>(routes.screenPop, { query: { phone }, signal })).items
}

/** The search box: account, phone or ID number, name, or address fragment. */
export async function searchCustomers(
  q: string,
  limit = 20,
  signal?: AbortSignal,
): Promise<Customer[]> {
  return (await request<Items<Customer>>(routes.searchCustomers, { query: { q, limit }, signal }))
    .items
}

export function getCustomer(id: number): Promise<Customer> {
  return request(routes.getCustomer, { path: { id } })
}

export function accountBilling(accountNo: string): Promise<BillingSnapshot> {
  return request(routes.accountBilling, { path: { account_no: accountNo } })
}

export async function listDistricts(): Promise<TopologyNode[]> {
  return (await request<Items<TopologyNode>>(routes.listDistricts)).items
}
