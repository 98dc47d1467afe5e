// Request and response types, named after the schemas in docs/openapi.yaml.
export type Role =
  | 'agent'
  | 'dispatcher'
  | 'technician'
  | 'supervisor'
  | 'manager'
  | 'admin'
  | 'auditor'
  | 'integration'

export const ROLES: readonly Role[] = [
  'agent',
  'dispatcher',
  'technician',
  'supervisor',
  'manager',
  'admin',
  'auditor',
  'integration',
]

export type PermissionCode =
  | 'customers:read'
  | 'customers:read_pii'
  | 'customers:write'
  | 'users:read'
  | 'users:manage'
  | 'org:read'
  | 'org:manage'
  | 'api_keys:manage'
  | 'audit:read'
  | 'events:subscribe'
  | 'outages:manage'
  | 'dispatch:plan'
  | 'workorders:read'
  | 'workorders:create'
  | 'workorders:dispatch'
  | 'workorders:handle'
  | 'workorders:callback'
  | 'workorders:settings'
  | 'appointments:manage'
  | 'reports:read'

export interface Principal {
  user_id: number
  username: string
  display_name: string
  role: Role
  org_unit_id: number
  permissions: PermissionCode[]
  district_scope: number[] | null
}

export interface LoginResult {
  token: string
  expires_at: number
  user: Principal
}

export interface User {
  id: number
  username: string
  display_name: string
  role: Role
  org_unit_id: number
  disabled: boolean
  locked_until: number | null
  failed_logins: number
  created_at: number
  updated_at: number
  version: number
}

export interface NewUser {
  username: string
  display_name: string
  role: Role
  org_unit_id: number
  password: string
}

export type OrgUnitKind = 'company' | 'branch' | 'department' | 'team'

export interface OrgUnit {
  id: number
  parent_id: number | null
  kind: OrgUnitKind
  code: string
  name: string
  area_district_ids: number[]
}

export interface NewOrgUnit {
  kind: OrgUnitKind
  parent_id?: number
  code: string
  name: string
  area_district_ids?: number[]
}

export interface AuditRecord {
  id: number
  at: number
  actor: string
  actor_user_id: number | null
  remote_address: string
  action: string
  entity_type: string
  entity_id: string
  before: Record<string, unknown>
  after: Record<string, unknown>
  hash: string
}

export interface AuditQuery {
  actor?: string
  action?: string
  entity_type?: string
  entity_id?: string
  from?: number
  to?: number
  before_id?: number
  limit?: number
}

export interface AuditVerification {
  intact: boolean
  rows_checked: number
  problem: string | null
}

export type Utility = 'water' | 'heat' | 'gas'

export interface Meter {
  id: number
  serial: string
  model: string
  last_reading: number
  last_read_at: number
}

export interface Bill {
  id?: number
  period: string
  usage: number
  amount_fen: number
  paid_fen: number
  due_at: number
}

export interface Account {
  id: number
  account_no: string
  utility: Utility
  status: 'active' | 'suspended' | 'closed'
  premise_id: number
  district_id: number
  address: string
  balance_fen: number
  arrears_fen: number
  opened_at: number
  meters: Meter[]
  recent_bills: Bill[]
}

export interface Outage {
  id: number
  utility: Utility
  kind: 'planned' | 'unplanned'
  state: 'planned' | 'active' | 'restored' | 'cancelled'
  title: string
  reason: string
  starts_at: number
  expected_restore_at: number | null
  restored_at: number | null
  account_ids?: number[]
}

export type MatchedBy = 'account_no' | 'phone' | 'id_number' | 'name' | 'address'

export interface Customer {
  id: number
  kind: 'resident' | 'business'
  name: string
  id_number: string
  phones: string[]
  arrears_fen: number
  accounts: Account[]
  /** Only the screen pop carries outages. */
  outages?: Outage[]
  /** Only the search carries how it matched. */
  matched_by?: MatchedBy
  /** Only the screen pop carries the latest contacts. */
  recent_contacts?: Interaction[]
}

export type Channel = 'phone' | 'chat' | 'sms' | 'wechat' | 'email' | 'hotline_12345' | 'portal' | 'walk_in'
export const CHANNELS: readonly Channel[] = ['phone', 'chat', 'sms', 'wechat', 'email', 'hotline_12345', 'portal', 'walk_in']

export type Direction = 'inbound' | 'outbound'

export interface Interaction {
  id: number
  channel: Channel
  direction: Direction
  customer_id: number | null
  account_id: number | null
  contact: string
  agent_id: number | null
  agent_name: string
  summary: string
  started_at: number
  ended_at: number
}

export interface NewInteraction {
  channel: Channel
  direction: Direction
  customer_id?: number
  account_id?: number
  contact?: string
  summary: string
}

export interface BillingSnapshot {
  account_no: string
  balance_fen: number
  arrears_fen: number
  recent_bills: Bill[]
  source: 'lifeline' | 'external'
  as_of: number
}

export interface TopologyNode {
  id: number
  kind: string
  parent_id: number | null
  code: string
  name: string
  x_km: number
  y_km: number
}

export interface LifelineEvent {
  id: number
  at: number
  topic: string
  type: string
  subject: string
  data: Record<string, unknown>
}

export type Trade = 'pipe_repair' | 'meter' | 'gas_safety' | 'heat_valve'

export interface Technician {
  user_id: number
  name: string
  team_id: number
  skills: { trade: Trade; level: number }[]
  shift: { start: string; end: string }
  /** when the break may start ("11:30"–"13:00") and how long it is; null: no break */
  break: { earliest: string; latest: string; minutes: number } | null
  depot: { x_km: number; y_km: number }
  van_capacity: number
  on_duty: boolean
  position: { x_km: number; y_km: number } | null
  position_at: number
}

/** What a dispatcher sets of a technician (PUT /technicians/{id}); minutes from local midnight. */
export interface TechnicianProfile {
  skills: { trade: Trade; level: number }[]
  shift_start_minute: number
  shift_end_minute: number
  break_earliest_minute?: number
  break_latest_minute?: number
  break_minutes: number
  depot_x_km: number
  depot_y_km: number
  van_capacity: number
}

/** Whether the technician's position is tracked now (docs/design/dispatch.md, "Live positions"). */
export type Tracking = 'on' | 'off_duty' | 'outside_shift'

/** The calling technician's own profile. */
export interface MyTechnician extends Technician {
  tracking: Tracking
}

export interface Items<T> {
  items: T[]
}

export type WorkOrderType =
  | 'repair'
  | 'complaint'
  | 'consultation'
  | 'suggestion'
  | 'praise'
  | 'help'
  | 'supervision'
  | 'transfer_12345'
  | 'installation'
  | 'appointment'
export const WORK_ORDER_TYPES: readonly WorkOrderType[] = [
  'repair',
  'complaint',
  'consultation',
  'suggestion',
  'praise',
  'help',
  'supervision',
  'transfer_12345',
  'installation',
  'appointment',
]

export type Priority = 'emergency' | 'urgent' | 'normal'
export const PRIORITIES: readonly Priority[] = ['emergency', 'urgent', 'normal']

export type WorkOrderState =
  | 'accepted'
  | 'dispatched'
  | 'assigned'
  | 'en_route'
  | 'on_site'
  | 'resolved'
  | 'callback'
  | 'closed'
  | 'returned'
  | 'reopened'
  | 'cancelled'
  | 'merged'

export interface WorkOrder {
  id: number
  number: string
  tracking_code: string
  type: WorkOrderType
  category: string
  category_path: string
  priority: Priority
  state: WorkOrderState
  title: string
  description: string
  address: string
  customer_id: number | null
  account_id: number | null
  interaction_id: number | null
  contact_name: string
  contact_phone: string
  district_id: number | null
  department_id: number | null
  assignee_id: number | null
  assignee_name: string
  created_at: number
  updated_at: number
  due_response_at: number | null
  due_arrival_at: number | null
  due_resolution_at: number | null
  resolved_at: number | null
  closed_at: number | null
  breached: ('response' | 'arrival' | 'resolution')[]
  urge_count: number
  version: number
}

/** Who could take an order, best first (docs/design/work-orders.md, "Routing"). */
export interface AssigneeSuggestion {
  user_id: number
  name: string
  org_unit_id: number
  open_orders: number
  trade: Trade | null
  skill_level: number
  /** From where they are to the order; null when the order's place is unknown. */
  travel_minutes: number | null
  on_shift: boolean
  /** Can be there by the order's arrival deadline. */
  in_time: boolean
  reason: string
}

export interface WorkOrderPage {
  items: WorkOrder[]
  total: number
  offset: number
  limit: number
}

export interface WorkOrderQuery {
  state?: WorkOrderState
  category?: string
  priority?: Priority
  type?: WorkOrderType
  customer_id?: number
  assignee_id?: number
  district_id?: number
  department_id?: number
  overdue?: 'true' | 'false'
  offset?: number
  limit?: number
}

export interface NewWorkOrder {
  type: WorkOrderType
  category: string
  priority?: Priority
  title: string
  description?: string
  address?: string
  customer_id?: number
  account_id?: number
  interaction_id?: number
  contact_name?: string
  contact_phone?: string
}

export interface WorkOrderCategory {
  code: string
  name: string
  parent: string | null
  utility: Utility | null
  suggested_priority: Priority
  site_visit: boolean
  /** null: inherited from the parent */
  trade?: Trade | null
}
