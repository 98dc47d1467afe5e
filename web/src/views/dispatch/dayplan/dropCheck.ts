// Dropping a job on the Gantt: asks the server's move check (apply=false) for each place the
// job is dragged over and for the drop, shows the verdict on the dragged bar, and on a feasible
// drop asks the dispatcher to confirm before applying it (apply=true). An infeasible drop is
// refused with its reasons and changes nothing.
import { shallowRef } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { moveInDayPlan, type DayPlan, type MoveAnswer, type MoveViolation } from '@/api/dayPlans'
import { clock } from '@/domain/dayPlan'
import { i18n } from '@/i18n'
import { errorText } from '@/i18n/errors'
import { planNumbers, violationText } from './moveText'

export interface DropTarget {
  order_id: number
  number: string
  to_user_id: number
  to_name: string
  /** 0-based place among the technician's other stops. */
  position: number
}

export interface DropVerdict {
  state: 'checking' | 'feasible' | 'infeasible' | 'error'
  text: string
}

export function useDropCheck(plan: () => DayPlan | null, applied: () => void) {
  const { t } = i18n.global
  const verdict = shallowRef<DropVerdict | null>(null)
  /** The last refused drop with what it would break, shown until the next drag. */
  const refused = shallowRef<{ target: DropTarget; violations: MoveViolation[] } | null>(null)
  const answers = new Map<string, Promise<MoveAnswer>>()
  let asked = 0

  function ask(target: DropTarget, apply: boolean): Promise<MoveAnswer> {
    const p = plan()
    if (!p) return Promise.reject(new Error('no plan'))
    return moveInDayPlan({ team_id: p.team_id, date: p.date, order_id: target.order_id, to_user_id: target.to_user_id, position: target.position, apply })
  }

  /** One check per place and drag: dragging back and forth over the same place asks once. */
  function check(target: DropTarget): Promise<MoveAnswer> {
    const key = `${target.order_id}:${target.to_user_id}:${target.position}`
    let answer = answers.get(key)
    if (!answer) {
      answer = ask(target, false)
      answers.set(key, answer)
      answer.catch(() => answers.delete(key))
    }
    return answer
  }

  function startOf(answer: MoveAnswer, target: DropTarget): string {
    const s = answer.stops.find((x) => x.order_id === target.order_id)
    return s ? clock(s.start_minute) : '—'
  }

  function reasons(answer: MoveAnswer): string[] {
    const numbers = planNumbers(plan())
    return answer.violations.map((v) => violationText(v, numbers))
  }

  function verdictOf(answer: MoveAnswer, target: DropTarget): DropVerdict {
    const place = { name: target.to_name, n: target.position + 1, time: startOf(answer, target) }
    return answer.feasible
      ? { state: 'feasible', text: t('dsp.drag.feasible', place) }
      : { state: 'infeasible', text: `${t('dsp.move.infeasible')}${reasons(answer).join('；')}` }
  }

  /** While dragging: the verdict of the place under the pointer (the latest place wins). */
  async function probe(target: DropTarget): Promise<void> {
    const mine = ++asked
    refused.value = null
    verdict.value = { state: 'checking', text: t('dsp.drag.checking') }
    try {
      const answer = await check(target)
      if (mine === asked) verdict.value = verdictOf(answer, target)
    } catch (e) {
      if (mine === asked) verdict.value = { state: 'error', text: errorText(e) }
    }
  }

  async function drop(target: DropTarget): Promise<void> {
    const mine = ++asked
    verdict.value = { state: 'checking', text: t('dsp.drag.checking') }
    let answer: MoveAnswer
    try {
      answer = await check(target)
    } catch (e) {
      ElMessage.error(errorText(e))
      return finish(mine)
    }
    if (mine !== asked) return
    verdict.value = verdictOf(answer, target)
    if (!answer.feasible) {
      refused.value = { target, violations: answer.violations }
      return finish(mine)
    }
    const place = { order: target.number, name: target.to_name, n: target.position + 1, time: startOf(answer, target) }
    try {
      await ElMessageBox.confirm(t('dsp.drag.confirm', place), t('dsp.drag.confirm_title'), {
        confirmButtonText: t('dsp.move.apply'),
        cancelButtonText: t('common.cancel'),
        type: 'info',
      })
    } catch {
      return finish(mine) // the dispatcher changed their mind
    }
    try {
      if ((await ask(target, true)).applied) {
        ElMessage.success(t('dsp.move.applied'))
        applied()
      }
    } catch (e) {
      ElMessage.error(errorText(e))
    }
    finish(mine)
  }

  function finish(mine: number): void {
    if (mine !== asked) return
    verdict.value = null
    answers.clear()
  }

  function cancel(): void {
    ++asked
    verdict.value = null
    answers.clear()
  }

  return { verdict, refused, probe, drop, cancel }
}
