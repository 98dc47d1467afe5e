import { request } from './http'
import { routes } from './routes'
import type { Items, MyTechnician, Technician, TechnicianProfile } from './types'

/** Technicians with trades, shifts and last positions (dispatch:plan). */
export async function listTechnicians(): Promise<Technician[]> {
  return (await request<Items<Technician>>(routes.listTechnicians)).items
}

/** The calling technician's profile and whether their position is tracked now. */
export function getMyTechnician(): Promise<MyTechnician> {
  return request<MyTechnician>(routes.myTechnician)
}

/** Where the calling technician is (WGS-84); 409 when they are not tracked now. */
export async function reportPosition(longitude: number, latitude: number): Promise<void> {
  await request<void>(routes.reportPosition, { body: { longitude, latitude } })
}

/** Creates or replaces a technician's dispatch profile (dispatch:plan). */
export function saveTechnicianProfile(id: number, profile: TechnicianProfile): Promise<Technician> {
  return request<Technician>(routes.saveTechnicianProfile, { path: { id }, body: profile })
}

/** Marks a technician on or off duty (ill, on leave) (dispatch:plan). */
export async function setTechnicianDuty(id: number, on_duty: boolean): Promise<void> {
  await request<void>(routes.setTechnicianDuty, { path: { id }, body: { on_duty } })
}
