import { describe, expect, it } from 'vitest'
import { BACKOFF_MS, EventStream, type StreamStatus } from './events'
import type { LifelineEvent } from './types'

class FakeSocket {
  onopen: (() => void) | null = null
  onmessage: ((m: { data: string }) => void) | null = null
  onclose: (() => void) | null = null
  closed = false
  constructor(public url: string) {}
  close() {
    this.closed = true
  }
  emit(event: Partial<LifelineEvent>) {
    this.onmessage?.({ data: JSON.stringify(event) })
  }
}

function harness(after?: number) {
  const sockets: FakeSocket[] = []
  const timers: { fn: () => void; ms: number }[] = []
  const events: number[] = []
  const statuses: StreamStatus[] = []
  const stream = new EventStream({
    token: () => 'lls_tok',
    after,
    onEvent: (e) => events.push(e.id),
    onStatus: (s) => statuses.push(s),
    socket: (url) => {
      const s = new FakeSocket(url)
      sockets.push(s)
      return s as unknown as WebSocket
    },
    schedule: (fn, ms) => timers.push({ fn, ms }),
    cancel: () => {},
  })
  return { stream, sockets, timers, events, statuses }
}

describe('EventStream', () => {
  it('passes the token and resumes after the last id it saw', () => {
    const h = harness()
    h.stream.start()
    expect(h.sockets[0].url).toContain('/api/v1/events?access_token=lls_tok')
    expect(h.sockets[0].url).not.toContain('after=')
    h.sockets[0].onopen?.()
    h.sockets[0].emit({ id: 5, topic: 'auth', type: 'auth.login' })
    h.sockets[0].emit({ id: 6, topic: 'auth', type: 'auth.login' })
    h.sockets[0].emit({ id: 6, topic: 'auth', type: 'auth.login' }) // a duplicate is dropped
    h.sockets[0].onclose?.()
    expect(h.timers[0].ms).toBe(BACKOFF_MS[0])
    h.timers[0].fn()
    expect(h.sockets[1].url).toContain('after=6')
    expect(h.events).toEqual([5, 6])
    expect(h.statuses).toEqual(['connecting', 'open', 'reconnecting', 'reconnecting'])
  })

  it('backs off while the server stays away, and resets once connected', () => {
    const h = harness(10)
    h.stream.start()
    expect(h.sockets[0].url).toContain('after=10')
    for (let i = 0; i < 7; i++) {
      h.sockets[i].onclose?.()
      h.timers[i].fn()
    }
    expect(h.timers.map((t) => t.ms)).toEqual([1000, 2000, 5000, 10000, 15000, 15000, 15000])
    h.sockets[7].onopen?.()
    h.sockets[7].onclose?.()
    expect(h.timers[7].ms).toBe(1000)
  })

  it('stops for good and ignores junk frames', () => {
    const h = harness()
    h.stream.start()
    h.sockets[0].onmessage?.({ data: 'not json' })
    h.sockets[0].emit({ topic: 'auth' })
    h.stream.stop()
    expect(h.sockets[0].closed).toBe(true)
    h.sockets[0].onclose?.()
    expect(h.timers).toHaveLength(0)
    expect(h.events).toEqual([])
  })
})
