// The wall board's live state: the event stream connection and the counters it feeds.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { me } from '@/api/auth'
import { EventStream, type StreamStatus } from '@/api/events'
import { applyEvent, emptyCounters, type BoardCounters } from '@/domain/wallboard'
import { useSessionStore } from './session'

export const useWallboardStore = defineStore('wallboard', () => {
  const counters = shallowRef<BoardCounters>(emptyCounters())
  const status = ref<StreamStatus>('stopped')
  const since = ref(Date.now())
  let stream: EventStream | null = null
  let failures = 0

  function start(): void {
    if (stream) return
    const session = useSessionStore()
    counters.value = emptyCounters()
    since.value = Date.now()
    stream = new EventStream({
      token: () => session.token,
      onEvent: (event) => {
        counters.value = applyEvent(counters.value, event, Date.now())
      },
      onStatus: (s) => {
        status.value = s
        // A browser cannot read why a WebSocket upgrade was refused. After a few failed
        // reconnects, ask the API: if the session ended, its 401 sends the user to the login.
        failures = s === 'open' ? 0 : s === 'reconnecting' ? failures + 1 : failures
        if (failures === 3) void me().catch(() => {})
      },
    })
    stream.start()
  }

  function stop(): void {
    stream?.stop()
    stream = null
  }

  return { counters, status, since, start, stop }
})
