// Org units and technicians, loaded once per session for the pickers of the dispatch steps and
// for turning department and district ids into names.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { listDistricts } from '@/api/customers'
import { listTechnicians } from '@/api/technicians'
import { listOrgUnits } from '@/api/users'
import type { OrgUnit, Technician, TopologyNode } from '@/api/types'

export const useDirectoryStore = defineStore('directory', () => {
  const units = shallowRef<OrgUnit[]>([])
  const technicians = shallowRef<Technician[]>([])
  const districts = shallowRef<TopologyNode[]>([])
  let unitsLoad: Promise<void> | null = null
  let techLoad: Promise<void> | null = null
  let districtLoad: Promise<void> | null = null

  function loadUnits(): Promise<void> {
    unitsLoad ??= listOrgUnits()
      .then((u) => void (units.value = u))
      .catch((e) => {
        unitsLoad = null
        throw e
      })
    return unitsLoad
  }
  function loadTechnicians(): Promise<void> {
    techLoad ??= listTechnicians()
      .then((x) => void (technicians.value = x))
      .catch((e) => {
        techLoad = null
        throw e
      })
    return techLoad
  }
  /** One technician as saved (a new profile is added, in user-id order like the list). */
  function putTechnician(saved: Technician): void {
    const others = technicians.value.filter((x) => x.user_id !== saved.user_id)
    technicians.value = [...others, saved].sort((a, b) => a.user_id - b.user_id)
  }
  function loadDistricts(): Promise<void> {
    districtLoad ??= listDistricts()
      .then((d) => void (districts.value = d))
      .catch((e) => {
        districtLoad = null
        throw e
      })
    return districtLoad
  }
  function unitName(id: number | null | undefined): string {
    if (id === null || id === undefined) return ''
    return units.value.find((u) => u.id === id)?.name ?? `#${id}`
  }
  function districtName(id: number | null | undefined): string {
    if (id === null || id === undefined) return ''
    return districts.value.find((d) => d.id === id)?.name ?? `#${id}`
  }

  return { units, technicians, districts, loadUnits, loadTechnicians, putTechnician, loadDistricts, unitName, districtName }
})
