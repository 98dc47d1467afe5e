// The `workorder.*` events for screens that follow orders live (the dispatch board, the wall
// board): one event-stream connection, shared, opened by the first listener and closed by the
// last. Listeners get each work-order event; the connection status is exposed for the screens.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { EventStream, type StreamStatus } from '@/api/events'
import type { LifelineEvent } from '@/api/types'
import { useSessionStore } from './session'

type Listener = (event: LifelineEvent) => void

export const useOrderFeedStore = defineStore('orderFeed', () => {
  const status = ref<StreamStatus>('stopped')
  const listeners = new Set<Listener>()
  let stream: EventStream | null = null

  /** Starts listening; the returned function stops. */
  function listen(listener: Listener): () => void {
    listeners.add(listener)
    if (!stream) {
      const session = useSessionStore()
      stream = new EventStream({
        token: () => session.token,
        onEvent: (event) => {
          if (event.topic !== 'workorder') return
          for (const l of [...listeners]) l(event)
        },
        onStatus: (s) => (status.value = s),
      })
      stream.start()
    }
    return () => {
      listeners.delete(listener)
      if (!listeners.size && stream) {
        stream.stop()
        stream = null
        status.value = 'stopped'
      }
    }
  }

  return { status, listen }
})
