import { request } from './http'
import type { TransitionRequest, Tracking, WorkOrderDetail, WorkOrderFull, WorkOrderSettings } from './workflow'
import { routes } from './routes'
import type { AssigneeSuggestion, Items, NewWorkOrder, WorkOrder, WorkOrderCategory, WorkOrderPage, WorkOrderQuery } from './types'

/** Work orders, newest first, within the caller's data scope (workorders:read). */
export function listWorkOrders(query: WorkOrderQuery = {}): Promise<WorkOrderPage> {
  return request(routes.listWorkOrders, { query: { ...query } })
}

/** Records a request as a work order (workorders:create); deadlines come back computed. */
export function createWorkOrder(order: NewWorkOrder): Promise<WorkOrder> {
  return request(routes.createWorkOrder, { body: order })
}

export function getWorkOrder(id: number): Promise<WorkOrder> {
  return request(routes.getWorkOrder, { path: { id } })
}

/** The category tree, parents before children. */
export async function listWorkOrderCategories(): Promise<WorkOrderCategory[]> {
  return (await request<Items<WorkOrderCategory>>(routes.listWorkOrderCategories)).items
}

/** One step of the state machine; the answer is the order after it (409 when it changed). */
export function transitionWorkOrder(id: number, step: TransitionRequest): Promise<WorkOrderFull> {
  return request(routes.transitionWorkOrder, { path: { id }, body: step })
}

/** Who could take the order, soonest there first (workorders:dispatch). */
export async function suggestAssignees(id: number): Promise<AssigneeSuggestion[]> {
  return (await request<Items<AssigneeSuggestion>>(routes.assigneeSuggestions, { path: { id } })).items
}

/** One order with its history (getWorkOrder typed with the detail fields). */
export function getWorkOrderDetail(id: number): Promise<WorkOrderDetail> {
  return request(routes.getWorkOrder, { path: { id } })
}

export function getWorkOrderSettings(): Promise<WorkOrderSettings> {
  return request(routes.getWorkOrderSettings)
}

/** Replaces the policies and the calendar (workorders:settings); `defaults` is read-only. */
export function putWorkOrderSettings(settings: WorkOrderSettings): Promise<WorkOrderSettings> {
  const { defaults: _defaults, ...body } = settings
  return request(routes.putWorkOrderSettings, { body })
}

/** The public tracking page's data (no login); 404 for an unknown or malformed code. */
export function getTracking(code: string): Promise<Tracking> {
  return request(routes.track, { path: { code }, anonymous: true })
}

/** The customer's rating on the public page: after the work is done (409 before, or twice). */
export function rateTracking(code: string, rating: { satisfaction: number; comment?: string }): Promise<Tracking> {
  return request(routes.rateTracking, { path: { code }, body: rating, anonymous: true })
}
