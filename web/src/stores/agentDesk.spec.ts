import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { configureClient } from '@/api/http'
import { useAgentDeskStore } from './agentDesk'

const customer = (id: number) => ({ id, kind: 'resident', name: `客户${id}`, id_number: '', phones: [], arrears_fen: 0, accounts: [] })

function serve(items: unknown[], status = 200) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(status === 200 ? { items } : { code: 'forbidden' }), { status }))
  configureClient({ fetch, token: () => 'lls_t', onUnauthenticated: () => {} })
  return fetch
}

describe('agent desk store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('sends a phone number to the screen pop and opens the only customer', async () => {
    const fetch = serve([customer(1)])
    const desk = useAgentDeskStore()
    await desk.search('+86 130 1357 9246')
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/api/v1/customers?phone=13013579246')
    expect(desk.selected?.id).toBe(1)
    expect(desk.fromScreenPop).toBe(true)
  })

  it('sends anything else to the search and opens the best match', async () => {
    const fetch = serve([customer(7), customer(8)])
    const desk = useAgentDeskStore()
    await desk.search('阳光花园')
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/api/v1/customers/search?q=%E9%98%B3%E5%85%89%E8%8A%B1%E5%9B%AD&limit=20')
    expect(desk.results).toHaveLength(2)
    expect(desk.selected?.id).toBe(7)
    desk.select(8)
    expect(desk.selected?.id).toBe(8)
    expect(desk.fromScreenPop).toBe(false)
  })

  it('keeps an error for the error state and clears everything on Esc', async () => {
    serve([], 403)
    const desk = useAgentDeskStore()
    await desk.search('13013579246')
    expect(desk.error).toBeTruthy()
    expect(desk.results).toEqual([])
    desk.clear()
    expect(desk.error).toBeNull()
    expect(desk.input).toEqual({ kind: 'empty' })
  })

  it('sends nothing for empty or over-long input', async () => {
    const fetch = serve([])
    const desk = useAgentDeskStore()
    await desk.search('   ')
    await desk.search('x'.repeat(101))
    expect(fetch).not.toHaveBeenCalled()
    expect(desk.input.kind).toBe('too_long')
  })
})
