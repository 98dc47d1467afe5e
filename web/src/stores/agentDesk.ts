// The agent's current caller: what was searched, the customers found, which one is open. Kept in
// a store so the customer stays on screen when the agent looks at another page and comes back.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { listDistricts, screenPop, searchCustomers } from '@/api/customers'
import type { Customer, TopologyNode } from '@/api/types'
import { classifyInput, type SearchInput } from '@/domain/search'

export const useAgentDeskStore = defineStore('agentDesk', () => {
  const query = ref('')
  const input = ref<SearchInput>({ kind: 'empty' })
  const results = shallowRef<Customer[]>([])
  const selectedId = ref<number | null>(null)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  const searched = ref(false)
  const districts = shallowRef<Map<number, TopologyNode>>(new Map())
  let inflight: AbortController | null = null

  const selected = computed(() => results.value.find((c) => c.id === selectedId.value) ?? null)
  /** The screen pop (a phone number) carries the outages; the search does not. */
  const fromScreenPop = computed(() => input.value.kind === 'phone')

  async function loadDistricts(): Promise<void> {
    if (districts.value.size) return
    try {
      const nodes = await listDistricts()
      districts.value = new Map(nodes.map((n) => [n.id, n]))
    } catch {
      // district names are a nicety on the desk; the ids still show
    }
  }

  async function search(text: string = query.value): Promise<void> {
    query.value = text
    input.value = classifyInput(text)
    error.value = null
    inflight?.abort()
    if (input.value.kind === 'empty' || input.value.kind === 'too_long') {
      results.value = []
      selectedId.value = null
      searched.value = false
      return
    }
    const controller = new AbortController()
    inflight = controller
    loading.value = true
    try {
      const found =
        input.value.kind === 'phone'
          ? await screenPop(input.value.phone, controller.signal)
          : await searchCustomers(input.value.q, 20, controller.signal)
      if (controller.signal.aborted) return
      results.value = found
      selectedId.value = found.length >= 1 ? found[0].id : null
      searched.value = true
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') return
      error.value = e
      results.value = []
      selectedId.value = null
    } finally {
      if (inflight === controller) {
        loading.value = false
        inflight = null
      }
    }
  }

  function select(id: number): void {
    selectedId.value = id
  }

  function clear(): void {
    inflight?.abort()
    query.value = ''
    input.value = { kind: 'empty' }
    results.value = []
    selectedId.value = null
    error.value = null
    loading.value = false
    searched.value = false
  }

  return {
    query,
    input,
    results,
    selectedId,
    selected,
    loading,
    error,
    searched,
    districts,
    fromScreenPop,
    loadDistricts,
    search,
    select,
    clear,
  }
})
