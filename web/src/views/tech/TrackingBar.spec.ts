import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { configureClient } from '@/api/http'
import TrackingBar from './TrackingBar.vue'

const me = (tracking: string) => ({ user_id: 9, name: '李师傅', team_id: 3, skills: [], shift: { start: '08:00', end: '17:30' }, on_duty: tracking !== 'off_duty', position: null, position_at: 0, tracking })
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
const problem = (status: number) => new Response(JSON.stringify({ status, code: 'conflict', title: 'x', detail: 'x' }), { status, headers: { 'Content-Type': 'application/problem+json' } })

type FixCallback = (p: GeolocationPosition) => void
type ErrorCallback = (e: GeolocationPositionError) => void

// A phone whose location the test controls.
function fakeGeolocation() {
  const watchers: { ok: FixCallback; fail: ErrorCallback }[] = []
  const geo = {
    watchPosition: vi.fn((ok: FixCallback, fail: ErrorCallback) => watchers.push({ ok, fail })),
    getCurrentPosition: vi.fn(),
    clearWatch: vi.fn(),
  }
  Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true })
  return {
    geo,
    at: (longitude: number, latitude: number, accuracy = 10) =>
      watchers.forEach((w) => w.ok({ coords: { longitude, latitude, accuracy }, timestamp: Date.now() } as GeolocationPosition)),
    deny: () => watchers.forEach((w) => w.fail({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError)),
  }
}

async function mountWith(fetchImpl: typeof fetch) {
  configureClient({ fetch: fetchImpl, token: () => 'lls_t' })
  const wrapper = mount(TrackingBar, { global: { plugins: [i18n] } })
  await flushPromises()
  return wrapper
}

const bar = (w: Awaited<ReturnType<typeof mountWith>>) => w.find('[data-test=tracking]')

describe('TrackingBar', () => {
  afterEach(() => vi.restoreAllMocks())

  it('shares the phone\'s position while the technician is at work', async () => {
    const phone = fakeGeolocation()
    const sent: unknown[] = []
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (String(url).endsWith('/technicians/me')) return json(me('on'))
      sent.push(JSON.parse(String(init?.body)))
      return new Response(null, { status: 204 })
    }) as unknown as typeof globalThis.fetch
    const w = await mountWith(fetch)
    expect(bar(w).attributes('data-status')).toBe('locating')
    phone.at(120.01, 30.02)
    await flushPromises()
    expect(sent).toEqual([{ longitude: 120.01, latitude: 30.02 }])
    expect(bar(w).attributes('data-status')).toBe('sharing')
    expect(bar(w).text()).toContain('已上报')
    phone.at(120.0101, 30.0201) // a few metres, a moment later: not sent
    await flushPromises()
    expect(sent).toHaveLength(1)
    w.unmount()
    expect(phone.geo.clearWatch).toHaveBeenCalled()
  })

  it('does not watch the location outside working hours', async () => {
    const phone = fakeGeolocation()
    const w = await mountWith(vi.fn(async () => json(me('outside_shift'))) as unknown as typeof fetch)
    expect(phone.geo.watchPosition).not.toHaveBeenCalled()
    expect(bar(w).text()).toContain('不在工作时间')
    w.unmount()
  })

  it('says so when the technician has no dispatch profile yet', async () => {
    const phone = fakeGeolocation()
    const w = await mountWith(vi.fn(async () => problem(404)) as unknown as typeof fetch)
    expect(bar(w).attributes('data-status')).toBe('no_profile')
    expect(bar(w).text()).toContain('尚未建立派单档案')
    expect(phone.geo.watchPosition).not.toHaveBeenCalled()
    w.unmount()
  })

  it('says how to allow the location when the phone refuses it', async () => {
    const phone = fakeGeolocation()
    const w = await mountWith(vi.fn(async () => json(me('on'))) as unknown as typeof fetch)
    phone.deny()
    await flushPromises()
    expect(bar(w).attributes('data-status')).toBe('denied')
    expect(bar(w).text()).toContain('允许本页使用位置')
    w.unmount()
  })

  it('stops when the server says the shift has ended', async () => {
    const phone = fakeGeolocation()
    let tracking = 'on'
    const fetch = vi.fn(async (url: string) => {
      if (String(url).endsWith('/technicians/me')) return json(me(tracking))
      tracking = 'outside_shift'
      return problem(409)
    }) as unknown as typeof globalThis.fetch
    const w = await mountWith(fetch)
    phone.at(120.01, 30.02)
    await flushPromises()
    expect(bar(w).attributes('data-status')).toBe('not_tracked')
    expect(phone.geo.clearWatch).toHaveBeenCalled()
    w.unmount()
  })
})
