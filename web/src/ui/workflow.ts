// Running one work-order step from a screen: sends only the step's fields with the version the
// screen read, says so on success, and on a 409 (someone else changed the order, or the state
// no longer allows the step) tells the user in words and reloads, instead of failing.
import { isApiError } from '@/api/http'
import { transitionWorkOrder } from '@/api/workOrders'
import type { TransitionRequest, WorkOrderFull } from '@/api/workflow'
import { splitMinutes } from '@/domain/workOrder'
import { isStaleVersion, stepBody } from '@/domain/steps'
import { i18n, labelFor } from '@/i18n'
import { toastError, toastSuccess } from './feedback'
import { ElMessage } from 'element-plus'

export type StepOutcome = { ok: true; order: WorkOrderFull } | { ok: false; fieldErrors: Record<string, string> }

export async function runStep(
  order: { id: number; version: number },
  step: TransitionRequest,
  reload: () => Promise<unknown> | void,
): Promise<StepOutcome> {
  const { t } = i18n.global
  try {
    const after = await transitionWorkOrder(order.id, stepBody({ ...step, version: order.version }))
    toastSuccess(t('wf.step_done', { action: labelFor('wf.action', step.action) }))
    return { ok: true, order: after }
  } catch (e) {
    if (isApiError(e) && e.status === 409) {
      ElMessage({ type: 'warning', message: isStaleVersion(e) ? t('wf.stale') : `${t('wf.refused')}（${e.detail}）`, duration: 5000 })
      await reload()
      return { ok: false, fieldErrors: {} }
    }
    if (isApiError(e) && e.status === 400 && e.field) return { ok: false, fieldErrors: { [e.field]: e.detail || e.title } }
    toastError(e)
    return { ok: false, fieldErrors: {} }
  }
}

/** 135 → "2小时15分" (days drop the minutes). */
export function spanText(minutes: number): string {
  const { t } = i18n.global
  const { days, hours, minutes: m } = splitMinutes(minutes)
  const parts: string[] = []
  if (days) parts.push(t('orders.days', { n: days }))
  if (hours) parts.push(t('orders.hours', { n: hours }))
  if (!days) parts.push(t('orders.minutes', { n: m }))
  return parts.join('')
}
