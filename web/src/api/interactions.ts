import { request } from './http'
import { routes } from './routes'
import type { Interaction, Items, NewInteraction } from './types'

/** Records a contact on the customer's timeline (customers:write). */
export function recordInteraction(contact: NewInteraction): Promise<Interaction> {
  return request(routes.recordInteraction, { body: contact })
}

/** The customer's contacts, newest first. */
export async function customerTimeline(customerId: number, limit = 20): Promise<Interaction[]> {
  return (await request<Items<Interaction>>(routes.customerTimeline, { path: { id: customerId }, query: { limit } })).items
}
