import { request } from './http'
import { routes } from './routes'
import type { Items, Technician } from './types'

/** Technicians with trades, shifts and last positions (dispatch:plan). */
export async function listTechnicians(): Promise<Technician[]> {
  return (await request<Items<Technician>>(routes.listTechnicians)).items
}
