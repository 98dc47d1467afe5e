// The portal's and the appointment desk's client calls against docs/openapi.yaml (like
// openapi.spec.ts for the rest), that every public call goes without the staff token, and that a
// 429's Retry-After reaches the error.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ApiError, configureClient } from './http'
import * as portal from './portal'
import * as appointments from './appointments'

const spec = parse(readFileSync(resolve(__dirname, '../../../docs/openapi.yaml'), 'utf8')) as { paths: Record<string, Record<string, unknown>> }

function documented(method: string, url: string): boolean {
  const path = new URL(url, 'http://localhost').pathname
  return Object.entries(spec.paths).some(([template, item]) => {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`)
    return pattern.test(path) && method.toLowerCase() in item
  })
}

describe('portal and appointment client', () => {
  const calls: { method: string; url: string; auth: string | null }[] = []
  let answer = () => new Response('{"items":[]}', { status: 200, headers: { 'Content-Type': 'application/json' } })
  configureClient({
    token: () => 'lls_staff',
    onUnauthenticated: () => {},
    fetch: async (input, init) => {
      const headers = (init?.headers ?? {}) as Record<string, string>
      calls.push({ method: init?.method ?? 'GET', url: String(input), auth: headers.Authorization ?? null })
      return answer()
    },
  })
  afterEach(() => {
    calls.length = 0
  })

  it('only reaches documented paths; public calls carry no token', async () => {
    const v = { account_no: '1000000001', phone_last4: '9246' }
    await portal.listPublicServices()
    await portal.publicSlots('gas.inspection', '3000000001')
    await portal.bookPublic({ ...v, service: 'gas.inspection', slot_id: 4 })
    await portal.listPublicCategories()
    await portal.reportProblem({ ...v, category: 'water.quality.yellow', description: '水黄' })
    await portal.queryBill(v)
    await portal.publicOutages('1000000001')
    await portal.publicAnnouncements()
    await portal.addTrackPhoto('7K3M-Q9TX-2BHD', new Blob(['x'], { type: 'image/jpeg' }), 'a.jpg')
    const publicCalls = calls.length
    await appointments.listServices()
    await appointments.availability('gas.inspection', 7)
    await appointments.listAppointments({ customer_id: 1, state: 'booked' })
    await appointments.bookAppointment({ account_no: '3000000001', service: 'gas.inspection', slot_id: 4 })
    await appointments.rescheduleAppointment(5, { slot_id: 6, version: 2 })
    await appointments.cancelAppointment(5, { version: 3 })
    expect(calls.length).toBe(15)
    expect(calls.filter((c) => !documented(c.method, c.url))).toEqual([])
    expect(calls.slice(0, publicCalls).every((c) => c.auth === null)).toBe(true)
    expect(calls.slice(publicCalls).every((c) => c.auth === 'Bearer lls_staff')).toBe(true)
  })

  it("hands a 429's Retry-After to the error", async () => {
    answer = () =>
      new Response('{"code":"rate_limited","title":"请求过多","status":429}', {
        status: 429,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '17' },
      })
    const e = await portal.queryBill({ account_no: '1000000001', phone_last4: '0000' }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(429)
    expect((e as ApiError).retryAfter).toBe(17)
  })
})
