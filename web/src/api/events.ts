// The realtime connector: one WebSocket to the domain event stream. Each frame is one Event;
// on a drop it reconnects with backoff and resumes with `after` = the last id it saw, so no
// event is lost or counted twice. Stores subscribe with a callback (event type → action).
import { socketUrl } from './http'
import { routes } from './routes'
import type { LifelineEvent } from './types'

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'stopped'

export interface EventStreamOptions {
  token: () => string | null
  onEvent: (event: LifelineEvent) => void
  onStatus?: (status: StreamStatus) => void
  topics?: string[]
  /** Start after this event id; by default only events from now on. */
  after?: number
  socket?: (url: string) => WebSocket
  schedule?: (fn: () => void, ms: number) => unknown
  cancel?: (handle: unknown) => void
}

export const BACKOFF_MS = [1000, 2000, 5000, 10000, 15000]

export class EventStream {
  private socket: WebSocket | null = null
  private lastId: number | undefined
  private failures = 0
  private timer: unknown = null
  private stopped = true
  private readonly options: EventStreamOptions

  constructor(options: EventStreamOptions) {
    this.options = options
    this.lastId = options.after
  }

  get last(): number | undefined {
    return this.lastId
  }

  start(): void {
    this.stopped = false
    this.connect()
  }

  stop(): void {
    this.stopped = true
    if (this.timer !== null) (this.options.cancel ?? clearTimeout)(this.timer as number)
    this.timer = null
    const socket = this.socket
    this.socket = null
    socket?.close(1000)
    this.options.onStatus?.('stopped')
  }

  url(): string {
    return socketUrl(routes.eventStream, {
      query: {
        access_token: this.options.token() ?? '',
        after: this.lastId,
        topics: this.options.topics?.join(','),
      },
    })
  }

  private connect(): void {
    if (this.stopped) return
    this.options.onStatus?.(this.failures ? 'reconnecting' : 'connecting')
    const open = this.options.socket ?? ((url: string) => new WebSocket(url))
    const socket = open(this.url())
    this.socket = socket
    socket.onopen = () => {
      this.failures = 0
      this.options.onStatus?.('open')
    }
    socket.onmessage = (message: MessageEvent) => {
      let event: LifelineEvent
      try {
        event = JSON.parse(String(message.data)) as LifelineEvent
      } catch {
        return
      }
      if (typeof event.id !== 'number') return
      if (this.lastId !== undefined && event.id <= this.lastId) return
      this.lastId = event.id
      this.options.onEvent(event)
    }
    socket.onclose = () => {
      if (this.socket !== socket || this.stopped) return
      this.socket = null
      const delay = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)]
      this.failures += 1
      this.options.onStatus?.('reconnecting')
      this.timer = (this.options.schedule ?? setTimeout)(() => this.connect(), delay)
    }
  }
}
