import { request } from './http'
import { routes } from './routes'
import type { Items, NewWorkOrder, WorkOrder, WorkOrderCategory, WorkOrderPage, WorkOrderQuery } from './types'

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
