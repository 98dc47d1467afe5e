import { request } from './http'
import { routes } from './routes'
import type { LoginResult, Principal } from './types'

export function login(username: string, password: string): Promise<LoginResult> {
  return request(routes.login, { body: { username, password }, anonymous: true })
}

export function logout(): Promise<void> {
  return request(routes.logout)
}

export function me(): Promise<Principal> {
  return request(routes.me)
}
