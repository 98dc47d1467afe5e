// The `workorder.*` events for screens that follow orders live (the dispatch board, the wall
// board), and the `dispatch` ones (`dayplan.*`) for the day plan: one event-stream connection,
// shared, opened by the first listener and closed by the last. Each listener gets the events of
// the topics it asked for (work orders by default); the connection status is exposed.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { EventStream, type StreamStatus } from '@/api/events'
import type { LifelineEvent } from '@/api/types'
import { useSessionStore } from './session'

type Listener = (event: LifelineEvent) => void

export const useOrderFeedStore = defineStore('orderFeed', () => {
  const status = ref<StreamStatus>('stopped')
  const listeners = new Map<Listener, readonly string[]>()
  let stream: EventStream | null = null

  /** Starts listening to `topics`; the returned function stops. */
  function listen(listener: Listener, topics: readonly string[] = ['workorder']): () => void {
    listeners.set(listener, topics)
    if (!stream) {
      const session = useSessionStore()
      stream = new EventStream({
        token: () => session.token,
        onEvent: (event) => {
          for (const [l, topics] of [...listeners]) if (topics.includes(event.topic)) l(event)
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
