// The wall board's live state: the event stream connection, the counters it feeds, and today's
// work orders — loaded once (today's pages of the list and the overdue ones), then kept current
// by every `workorder.*` event as it arrives, so the figures move within a second, no reload.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { me } from '@/api/auth'
import { EventStream, type StreamStatus } from '@/api/events'
import type { LifelineEvent, WorkOrder } from '@/api/types'
import { getWorkOrder, listWorkOrders } from '@/api/workOrders'
import { applyOrderEvent, figures, orderIdOf, startOfDay, type BoardOrder, type OrderMap } from '@/domain/orderFigures'
import { applyEvent, emptyCounters, type BoardCounters } from '@/domain/wallboard'
import { useSessionStore } from './session'

const CLOSED = ['resolved', 'callback', 'closed', 'cancelled', 'merged']
const PAGES = 5

function boardOrder(o: WorkOrder): BoardOrder {
  return { id: o.id, state: o.state, category: o.category, district_id: o.district_id, created_at: o.created_at, due_resolution_at: o.due_resolution_at, resolved_at: o.resolved_at }
}

export const useWallboardStore = defineStore('wallboard', () => {
  const counters = shallowRef<BoardCounters>(emptyCounters())
  const status = ref<StreamStatus>('stopped')
  const since = ref(Date.now())
  const orders = shallowRef<OrderMap>(new Map())
  const overdue = shallowRef<ReadonlySet<number>>(new Set())
  const categoryNames = shallowRef<Map<string, string>>(new Map())
  const ordersLoading = ref(false)
  const ordersReady = ref(false)
  const ordersError = shallowRef<unknown>(null)
  const dayStart = ref(startOfDay(Date.now()))
  const today = computed(() => figures(orders.value, dayStart.value))
  let stream: EventStream | null = null
  let failures = 0

  async function loadOrders(): Promise<void> {
    const session = useSessionStore()
    if (!session.can('workorders:read')) {
      ordersReady.value = true
      return
    }
    ordersLoading.value = true
    ordersError.value = null
    dayStart.value = startOfDay(Date.now())
    try {
      const map = new Map<number, BoardOrder>()
      for (let page = 0; page < PAGES; page++) {
        const { items } = await listWorkOrders({ offset: page * 200, limit: 200 })
        for (const o of items) {
          map.set(o.id, boardOrder(o))
          if (o.category_path) categoryNames.value.set(o.category, o.category_path)
        }
        if (items.length < 200 || items[items.length - 1].created_at < dayStart.value) break
      }
      const late = await listWorkOrders({ overdue: 'true', limit: 200 })
      // Events that arrived while loading were applied to the old map; keep their states.
      for (const [id, o] of orders.value) map.set(id, { ...(map.get(id) ?? o), state: o.state, resolved_at: o.resolved_at ?? map.get(id)?.resolved_at ?? null })
      orders.value = map
      overdue.value = new Set([...late.items.map((o) => o.id), ...overdue.value])
      ordersReady.value = true
    } catch (e) {
      ordersError.value = e
    } finally {
      ordersLoading.value = false
    }
  }

  function onOrderEvent(event: LifelineEvent): void {
    const id = orderIdOf(event)
    if (id === null) return
    const day = startOfDay(Date.now())
    if (day !== dayStart.value) dayStart.value = day
    orders.value = applyOrderEvent(orders.value, event)
    const state = String(event.data?.state ?? '')
    if (event.type === 'workorder.deadline_breached' && !overdue.value.has(id)) overdue.value = new Set([...overdue.value, id])
    else if (CLOSED.includes(state) && overdue.value.has(id)) overdue.value = new Set([...overdue.value].filter((x) => x !== id))
    // A new order: its deadline and category path come with the order itself.
    if (event.type === 'workorder.created') {
      void getWorkOrder(id)
        .then((o) => {
          const known = orders.value.get(id)
          const next = new Map(orders.value)
          next.set(id, { ...boardOrder(o), state: known?.state ?? o.state, resolved_at: known?.resolved_at ?? o.resolved_at })
          orders.value = next
          categoryNames.value.set(o.category, o.category_path)
        })
        .catch(() => {})
    }
  }

  function start(): void {
    if (stream) return
    const session = useSessionStore()
    counters.value = emptyCounters()
    since.value = Date.now()
    stream = new EventStream({
      token: () => session.token,
      onEvent: (event) => {
        counters.value = applyEvent(counters.value, event, Date.now())
        if (event.topic === 'workorder') onOrderEvent(event)
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
    void loadOrders()
  }

  function stop(): void {
    stream?.stop()
    stream = null
  }

  return { counters, status, since, orders, overdue, today, categoryNames, ordersLoading, ordersReady, ordersError, loadOrders, start, stop }
})
