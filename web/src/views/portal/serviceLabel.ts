// A home service in the UI language: the catalog's own Chinese name, or in English the utility
// and the kind (燃气开栓通气 → "Gas activation"); an unknown code shows itself.
import type { HomeService } from '@/api/portal'
import { i18n, labelFor } from '@/i18n'

export function serviceLabel(service: Pick<HomeService, 'name' | 'utility' | 'kind'> | undefined, code = ''): string {
  if (!service) return code
  if (String(i18n.global.locale.value).startsWith('zh')) return service.name
  return `${labelFor('utility', service.utility)} ${labelFor('portal.kind', service.kind)}`
}
