// Which work-order steps a person may take from the order's state, and what each step needs —
// the table of docs/design/work-orders.md as data, so buttons and forms follow one source.
import type { PermissionCode, WorkOrderState, WorkOrderType } from '@/api/types'
import type { TransitionRequest, WorkOrderAction } from '@/api/workflow'

const BEFORE_WORK: readonly WorkOrderState[] = ['accepted', 'dispatched', 'assigned', 'returned', 'reopened']
const IN_HAND: readonly WorkOrderState[] = ['dispatched', 'assigned', 'en_route', 'on_site']
const OPEN: readonly WorkOrderState[] = ['accepted', 'dispatched', 'assigned', 'en_route', 'on_site', 'returned', 'reopened']
const NO_CALLBACK: readonly WorkOrderType[] = ['consultation', 'suggestion', 'praise']

interface StepRule {
  from: readonly WorkOrderState[] | ((state: WorkOrderState, type: WorkOrderType) => boolean)
  permissions: readonly PermissionCode[]
}

export const STEP_RULES: Record<WorkOrderAction, StepRule> = {
  dispatch: { from: ['accepted', 'dispatched', 'returned', 'reopened'], permissions: ['workorders:dispatch'] },
  assign: { from: BEFORE_WORK, permissions: ['workorders:dispatch'] },
  depart: { from: ['assigned'], permissions: ['workorders:handle', 'workorders:dispatch'] },
  arrive: { from: ['en_route'], permissions: ['workorders:handle', 'workorders:dispatch'] },
  resolve: { from: ['dispatched', 'assigned', 'on_site'], permissions: ['workorders:handle', 'workorders:dispatch'] },
  return: { from: IN_HAND, permissions: ['workorders:handle', 'workorders:dispatch'] },
  start_callback: { from: ['resolved'], permissions: ['workorders:callback'] },
  close: {
    from: (s, type) => s === 'callback' || (s === 'resolved' && NO_CALLBACK.includes(type)),
    permissions: ['workorders:callback'],
  },
  reopen: { from: ['callback'], permissions: ['workorders:callback'] },
  cancel: { from: BEFORE_WORK, permissions: ['workorders:dispatch'] },
  merge: { from: BEFORE_WORK, permissions: ['workorders:dispatch'] },
  pause: { from: IN_HAND, permissions: ['workorders:handle', 'workorders:dispatch'] },
  resume: { from: IN_HAND, permissions: ['workorders:handle', 'workorders:dispatch'] },
  urge: { from: OPEN, permissions: ['workorders:create', 'workorders:callback', 'workorders:dispatch'] },
  link: { from: OPEN, permissions: ['workorders:dispatch'] },
}

/** The dispatcher's steps, in the order the board offers them. */
export const DISPATCH_STEPS: readonly WorkOrderAction[] = ['dispatch', 'assign', 'urge', 'return', 'merge', 'link', 'cancel']
export const TECH_STEPS: readonly WorkOrderAction[] = ['depart', 'arrive', 'resolve', 'return']
export const CALLBACK_STEPS: readonly WorkOrderAction[] = ['start_callback', 'close', 'reopen']

export function mayTake(
  action: WorkOrderAction,
  order: { state: WorkOrderState; type: WorkOrderType },
  can: (p: PermissionCode) => boolean,
): boolean {
  const rule = STEP_RULES[action]
  const fromOk = typeof rule.from === 'function' ? rule.from(order.state, order.type) : rule.from.includes(order.state)
  return fromOk && rule.permissions.some(can)
}

export function stepsFor(
  candidates: readonly WorkOrderAction[],
  order: { state: WorkOrderState; type: WorkOrderType },
  can: (p: PermissionCode) => boolean,
): WorkOrderAction[] {
  return candidates.filter((a) => mayTake(a, order, can))
}

const NEEDS: Partial<Record<WorkOrderAction, keyof TransitionRequest>> = {
  dispatch: 'department_id',
  assign: 'assignee_id',
  merge: 'target_id',
  link: 'parent_id',
  return: 'note',
  cancel: 'note',
  reopen: 'note',
  pause: 'note',
  close: 'result',
}

/** The field a step is missing before it may be sent (the server says the same with a 400). */
export function missingField(step: TransitionRequest): keyof TransitionRequest | null {
  const need = NEEDS[step.action]
  if (need) {
    const value = step[need]
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return need
  }
  if (step.action === 'close' && step.result === 'reached') {
    const s = step.satisfaction
    if (!s || s < 1 || s > 5) return 'satisfaction'
  }
  return null
}

/** Only the fields the step uses are sent. */
export function stepBody(step: TransitionRequest): TransitionRequest {
  const body: TransitionRequest = { action: step.action, version: step.version }
  if (step.note?.trim()) body.note = step.note.trim()
  const need = NEEDS[step.action]
  if (need && need !== 'note') (body as unknown as Record<string, unknown>)[need] = step[need]
  if (step.action === 'assign' && step.department_id) body.department_id = step.department_id
  if (step.action === 'close' && step.result === 'reached') body.satisfaction = step.satisfaction
  return body
}

/** The 409 of a stale version: the order was changed by someone else meanwhile. */
export function isStaleVersion(e: { status?: number; detail?: string } | null | undefined): boolean {
  return !!e && e.status === 409 && /changed by someone else|version/i.test(e.detail ?? '')
}
