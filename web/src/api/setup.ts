// Settings an administrator edits as whole documents: the routing rules (category prefix +
// district → org unit) and the category tree. A GET's answer is edited and PUT back as it is.
import { request } from './http'
import { routes } from './routes'
import type { Items, WorkOrderCategory } from './types'

export interface RoutingRule {
  id?: number
  category: string
  category_path?: string
  /** null: the whole city */
  district_id: number | null
  org_unit_id: number
  auto_assign: boolean
}

/** A node of the category tree as the server keeps it (the editor's name for it). */
export type CategoryNode = WorkOrderCategory

export async function listRoutingRules(): Promise<RoutingRule[]> {
  return (await request<Items<RoutingRule>>(routes.listRoutingRules)).items
}

export async function putRoutingRules(items: RoutingRule[]): Promise<RoutingRule[]> {
  return (await request<Items<RoutingRule>>(routes.putRoutingRules, { body: { items } })).items
}

export async function listCategoryNodes(): Promise<CategoryNode[]> {
  return (await request<Items<CategoryNode>>(routes.listWorkOrderCategories)).items
}

export async function putCategoryNodes(items: CategoryNode[]): Promise<CategoryNode[]> {
  return (await request<Items<CategoryNode>>(routes.putWorkOrderCategories, { body: { items } })).items
}
