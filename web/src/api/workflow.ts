// Types of the work-order steps, the public tracking answer, the deadline settings and the
// outage / announcement records — named after the schemas in docs/openapi.yaml.
import type { Priority, Utility, WorkOrder, WorkOrderState, WorkOrderType } from './types'

export type WorkOrderAction =
  | 'dispatch'
  | 'assign'
  | 'depart'
  | 'arrive'
  | 'resolve'
  | 'return'
  | 'start_callback'
  | 'close'
  | 'reopen'
  | 'cancel'
  | 'merge'
  | 'pause'
  | 'resume'
  | 'urge'
  | 'link'

export interface TransitionRequest {
  action: WorkOrderAction
  version?: number
  note?: string
  department_id?: number
  assignee_id?: number
  target_id?: number
  parent_id?: number
  result?: 'reached' | 'unreached'
  satisfaction?: number
}

export interface WorkOrderTransition {
  id: number
  at: number
  actor_id: number
  actor_name: string
  action: string
  from_state: WorkOrderState
  to_state: WorkOrderState
  note: string
  department_id: number | null
  assignee_id: number | null
  assignee_name: string
  related_order_id: number | null
  satisfaction: number | null
}

/** The fields of the WorkOrder schema the list type leaves out, and the detail's history. */
export interface WorkOrderFull extends WorkOrder {
  created_by?: number
  responded_at?: number | null
  arrived_at?: number | null
  paused_at?: number | null
  parent_id?: number | null
  merged_into_id?: number | null
  reopen_count?: number
  satisfaction?: number | null
  callback_reached?: boolean | null
  needs_review?: boolean
  customer_rating?: { satisfaction: number; comment: string; rated_at: number } | null
}

export interface WorkOrderDetail extends WorkOrderFull {
  history: WorkOrderTransition[]
  child_ids: number[]
}

export interface TrackingStep {
  at: number
  state: WorkOrderState
  label: string
}

export interface Tracking {
  number: string
  type: WorkOrderType
  category: string
  state: WorkOrderState
  state_label: string
  created_at: number
  expected_arrival_at: number | null
  expected_resolution_at: number | null
  merged_into_number: string | null
  /** whether the customer has rated it (never the rating itself) */
  rated?: boolean
  rated_at?: number | null
  /** The arrival window the stored day plan announced, while the visit is ahead. */
  planned_window?: { start: number; end: number; label: string } | null
  steps: TrackingStep[]
}

export interface DeadlinePolicy {
  category: string
  priority: Priority
  response_minutes: number
  response_business_time: boolean
  arrival_minutes: number
  arrival_business_time: boolean
  resolution_minutes: number
  resolution_business_time: boolean
}

export interface WorkOrderSettings {
  open_minute: number
  close_minute: number
  weekdays: number[]
  holidays: number[]
  extra_workdays: number[]
  policies: DeadlinePolicy[]
  readonly defaults?: DeadlinePolicy[]
}

export interface OutageRecord {
  id: number
  utility: Utility
  kind: 'planned' | 'unplanned'
  state: 'planned' | 'active' | 'restored' | 'cancelled'
  title: string
  reason: string
  starts_at: number
  expected_restore_at: number | null
  restored_at: number | null
  node_ids: number[]
  version: number
}

export interface NewOutage {
  utility: Utility
  kind: 'planned' | 'unplanned'
  title: string
  reason?: string
  starts_at: number
  expected_restore_at?: number
  node_ids: number[]
}

export interface OutageChange {
  version: number
  action?: 'start' | 'restore' | 'cancel'
  expected_restore_at?: number
  note?: string
}

export interface Announcement {
  id: number
  title: string
  body: string
  audience: 'public' | 'staff'
  utility: Utility | null
  outage_id: number | null
  valid_from: number
  valid_until: number
}

export interface NewAnnouncement {
  title: string
  body: string
  audience?: 'public' | 'staff'
  utility?: Utility
  outage_id?: number
  valid_from?: number
  valid_until: number
}
