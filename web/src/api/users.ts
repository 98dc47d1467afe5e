import { request } from './http'
import { routes } from './routes'
import type { Items, NewOrgUnit, NewUser, OrgUnit, User } from './types'

export async function listUsers(): Promise<User[]> {
  return (await request<Items<User>>(routes.listUsers)).items
}

export function createUser(user: NewUser): Promise<User> {
  return request(routes.createUser, { body: user })
}

export function setPassword(username: string, newPassword: string): Promise<void> {
  return request(routes.setPassword, { path: { username }, body: { new_password: newPassword } })
}

export function disableUser(username: string): Promise<void> {
  return request(routes.disableUser, { path: { username } })
}

export function enableUser(username: string): Promise<void> {
  return request(routes.enableUser, { path: { username } })
}

export function unlockUser(username: string): Promise<void> {
  return request(routes.unlockUser, { path: { username } })
}

export async function listOrgUnits(): Promise<OrgUnit[]> {
  return (await request<Items<OrgUnit>>(routes.listOrgUnits)).items
}

export function createOrgUnit(unit: NewOrgUnit): Promise<OrgUnit> {
  return request(routes.createOrgUnit, { body: unit })
}
