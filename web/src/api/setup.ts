// Settings an administrator edits as whole documents: the routing rules (category prefix +
// district → org unit) and the category tree. A GET's answer is edited and PUT back as it is.
import { request } from './http'
import { routes } from './routes'
import type { Items, Priority, Trade, Utility } from './types'

export interface RoutingRule {
  id?: number
  category: string
  category_path?: string
  /** null: the whole city */
  district_id: number | null
  org_unit_id: number
  auto_assign: boolean
}

export interface CategoryNode {
  code: string
  name: string
  parent: string | null
  utility: Utility | null
  suggested_priority: Priority
  site_visit: boolean
  /** null: inherited from the parent */
  trade?: Trade | null
}

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
