// Reference data that rarely changes, loaded once per page and shared: the work-order categories.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { listWorkOrderCategories } from '@/api/workOrders'
import { categoryOptions, type CategoryOption } from '@/domain/workOrder'

export const useCatalogStore = defineStore('catalog', () => {
  const categories = shallowRef<CategoryOption[]>([])
  let loading: Promise<CategoryOption[]> | null = null

  /** The categories with their paths; a failed load is retried on the next call. */
  function loadCategories(): Promise<CategoryOption[]> {
    if (categories.value.length) return Promise.resolve(categories.value)
    loading ??= listWorkOrderCategories()
      .then((items) => (categories.value = categoryOptions(items)))
      .finally(() => (loading = null))
    return loading
  }

  return { categories, loadCategories }
})
