import { beforeEach, describe, expect, it, vi } from 'vitest'
import { configureClient } from '@/api/http'
import type { DayPlan } from '@/api/dayPlans'
import { useDropCheck, type DropTarget } from './dropCheck'

// The confirmation box: what the dispatcher answers, set per test. A plain function rather than
// a vi.fn: vitest reports a rejection returned by a spy as the test's error, caught or not.
const box = vi.hoisted(() => ({ answer: 'confirm' as 'confirm' | 'cancel', asked: 0 }))
vi.mock('element-plus', () => ({
  ElMessage: Object.assign(() => {}, { success: () => {}, error: () => {} }),
  ElMessageBox: {
    confirm: () => {
      box.asked += 1
      return box.answer === 'confirm' ? Promise.resolve('confirm') : Promise.reject('cancel')
    },
  },
}))

const plan = { team_id: 7, date: '2026-12-03', revision: 1, routes: [], unplanned: [] } as unknown as DayPlan
const target: DropTarget = { order_id: 100, number: 'GD-1', to_user_id: 31, to_name: '李师傅', position: 1 }

function answer(feasible: boolean, applied = false) {
  return {
    feasible,
    applied,
    from_user_id: 30,
    violations: feasible ? [] : [{ kind: 'late', order_id: 100, minute: 840 }],
    departure_minute: 480,
    return_minute: 1000,
    break_start_minute: null,
    km: 10,
    stops: [{ order_id: 100, arrival_minute: 600, start_minute: 600, end_minute: 660, window_start_minute: 540, window_end_minute: 660 }],
  }
}

/** The server: every move request answered by `reply(body)`; the bodies are kept. */
function serve(reply: (body: { apply: boolean }) => unknown) {
  const bodies: { apply: boolean; position: number }[] = []
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body))
    bodies.push(body)
    return new Response(JSON.stringify(reply(body)), { status: 200, headers: { 'Content-Type': 'application/json' } })
  })
  configureClient({ fetch, token: () => 'lls_t', onUnauthenticated: () => {} })
  return bodies
}

describe('dropping a job on the Gantt', () => {
  beforeEach(() => Object.assign(box, { answer: 'confirm', asked: 0 }))

  it('refuses an infeasible drop with its violations and applies nothing', async () => {
    const bodies = serve(() => answer(false))
    const applied = vi.fn()
    const drop = useDropCheck(() => plan, applied)
    await drop.drop(target)
    expect(bodies).toEqual([expect.objectContaining({ team_id: 7, date: '2026-12-03', order_id: 100, to_user_id: 31, position: 1, apply: false })])
    expect(drop.refused.value?.violations[0].kind).toBe('late')
    expect(box.asked).toBe(0)
    expect(applied).not.toHaveBeenCalled()
    expect(drop.verdict.value).toBeNull()
  })

  it('applies a feasible drop once the dispatcher confirms', async () => {
    const bodies = serve((b) => answer(true, b.apply))
    const applied = vi.fn()
    const drop = useDropCheck(() => plan, applied)
    await drop.drop(target)
    expect(bodies.map((b) => b.apply)).toEqual([false, true])
    expect(applied).toHaveBeenCalledOnce()
    expect(drop.refused.value).toBeNull()
  })

  it('changes nothing when the dispatcher declines', async () => {
    const bodies = serve(() => answer(true))
    box.answer = 'cancel'
    const applied = vi.fn()
    const drop = useDropCheck(() => plan, applied)
    await drop.drop(target)
    expect(box.asked).toBe(1)
    expect(bodies.map((b) => b.apply)).toEqual([false])
    expect(applied).not.toHaveBeenCalled()
    expect(drop.verdict.value).toBeNull()
  })

  it('asks once per place while dragging, and the drop reuses that answer', async () => {
    const bodies = serve((b) => answer(true, b.apply))
    box.answer = 'cancel'
    const drop = useDropCheck(() => plan, vi.fn())
    await drop.probe(target)
    expect(drop.verdict.value?.state).toBe('feasible')
    await drop.probe({ ...target, position: 2 })
    await drop.probe(target)
    await drop.drop(target)
    expect(bodies.map((b) => b.position)).toEqual([1, 2])
  })
})
