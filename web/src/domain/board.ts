// The dispatch board's filter set and the states it can filter by.
import type { Priority, WorkOrderState } from '@/api/types'

export interface BoardFilters {
  district_id: number | ''
  category: string
  priority: Priority | ''
  state: WorkOrderState | ''
  overdue: boolean
}

export const ALL_STATES: readonly WorkOrderState[] = ['accepted', 'dispatched', 'assigned', 'en_route', 'on_site', 'returned', 'reopened', 'resolved', 'callback', 'closed', 'cancelled', 'merged']
