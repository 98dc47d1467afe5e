// The signed-in user: token, expiry and principal. Kept in localStorage so a reload keeps the
// session; checked against /auth/me when the app starts with a stored token.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth'
import type { PermissionCode, Principal } from '@/api/types'

const STORAGE_KEY = 'lifeline.session'

interface Stored {
  token: string
  expiresAt: number
  user: Principal
}

function load(): Stored | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    if (!raw) return null
    const parsed = JSON.parse(raw) as Stored
    if (!parsed.token || !parsed.user || parsed.expiresAt <= Date.now()) return null
    return parsed
  } catch {
    return null
  }
}

export type EndReason = 'expired' | 'logged_out' | null

export const useSessionStore = defineStore('session', () => {
  const stored = load()
  const token = ref<string | null>(stored?.token ?? null)
  const expiresAt = ref<number>(stored?.expiresAt ?? 0)
  const user = ref<Principal | null>(stored?.user ?? null)
  /** Whether the stored session was confirmed with the server since the page loaded. */
  const confirmed = ref(false)
  /** Why the last session ended, for the login page to say. */
  const endReason = ref<EndReason>(null)

  const signedIn = computed(() => token.value !== null && user.value !== null)
  const role = computed(() => user.value?.role ?? null)

  function persist(): void {
    try {
      if (token.value && user.value) {
        const value: Stored = { token: token.value, expiresAt: expiresAt.value, user: user.value }
        localStorage.setItem(STORAGE_KEY, JSON.stringify(value))
      } else {
        localStorage.removeItem(STORAGE_KEY)
      }
    } catch {
      // storage unavailable: the session lives as long as the page
    }
  }

  function can(permission: PermissionCode): boolean {
    return user.value?.permissions.includes(permission) ?? false
  }

  async function login(username: string, password: string): Promise<Principal> {
    const result = await authApi.login(username, password)
    token.value = result.token
    expiresAt.value = result.expires_at
    user.value = result.user
    confirmed.value = true
    endReason.value = null
    persist()
    return result.user
  }

  /** Confirms a stored session once per page load; false when it is gone. */
  async function confirm(): Promise<boolean> {
    if (!token.value) return false
    if (confirmed.value) return true
    try {
      user.value = await authApi.me()
      confirmed.value = true
      persist()
      return true
    } catch {
      // a 401 already ended the session through the client's hook
      return signedIn.value
    }
  }

  function clear(reason: EndReason): void {
    token.value = null
    user.value = null
    expiresAt.value = 0
    confirmed.value = false
    endReason.value = reason
    persist()
  }

  async function logout(): Promise<void> {
    try {
      if (token.value) await authApi.logout()
    } catch {
      // the session may already be gone on the server; leave locally either way
    } finally {
      clear('logged_out')
    }
  }

  return { token, expiresAt, user, role, confirmed, endReason, signedIn, can, login, confirm, clear, logout }
})
