// The fetch wrapper under every API call: fills path parameters, adds the Bearer token and
// Accept-Language, parses JSON, turns RFC 9457 problem documents into ApiError, and reports a
// 401 (a session that ended) to one hook so the app can send the user back to the login page.
import { splitRoute, type Route } from './routes'

export interface Problem {
  type?: string
  title?: string
  status?: number
  code?: string
  detail?: string
  field?: string
}

/** A failed call: the server's problem document, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly title: string
  readonly detail: string
  readonly field?: string
  /** Seconds from a 429's Retry-After header, when the server sent one. */
  retryAfter?: number

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = problem.code ?? (status === 0 ? 'network' : 'internal')
    this.title = problem.title ?? ''
    this.detail = problem.detail ?? ''
    this.field = problem.field
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** A problem naming a field becomes `{ field: message }` for the form to show under it. */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!isApiError(e) || !e.field) return {}
  return { [e.field]: e.detail || e.title }
}

type Query = Record<string, string | number | boolean | undefined | null>

export interface RequestOptions {
  path?: Record<string, string | number>
  query?: Query
  body?: unknown
  /** A file sent as the raw request body with its own content type (uploads). */
  raw?: { data: Blob; type: string }
  /** Set on the login call: its 401 means "wrong password", not "session expired". */
  anonymous?: boolean
  signal?: AbortSignal
}

interface ClientConfig {
  baseUrl: string
  token: () => string | null
  locale: () => string
  onUnauthenticated: () => void
  fetch: typeof fetch
}

const config: ClientConfig = {
  baseUrl: '',
  token: () => null,
  locale: () => 'zh-CN',
  onUnauthenticated: () => {},
  fetch: (...args) => globalThis.fetch(...args),
}

export function configureClient(changes: Partial<ClientConfig>): void {
  Object.assign(config, changes)
}

/** Fills the {name} parameters of a route template, each URL-encoded. */
export function fillPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined || value === '') throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(String(value))
  })
}

export function buildQuery(query: Query = {}): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    search.append(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

export function urlFor(route: Route, options: RequestOptions = {}): string {
  const { path } = splitRoute(route)
  return config.baseUrl + fillPath(path, options.path) + buildQuery(options.query)
}

export async function request<T>(route: Route, options: RequestOptions = {}): Promise<T> {
  const { method } = splitRoute(route)
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': config.locale(),
  }
  const token = options.anonymous ? null : config.token()
  if (token) headers.Authorization = `Bearer ${token}`
  let body: string | Blob | undefined
  if (options.raw) {
    headers['Content-Type'] = options.raw.type
    body = options.raw.data
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  let response: Response
  try {
    response = await config.fetch(urlFor(route, options), {
      method,
      headers,
      body,
      signal: options.signal,
    })
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e
    throw new ApiError(0, { code: 'network', detail: String((e as Error)?.message ?? e) })
  }
  const text = await response.text()
  let parsed: unknown = undefined
  if (text) {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
  }
  if (!response.ok) {
    const problem: Problem =
      parsed && typeof parsed === 'object' ? (parsed as Problem) : { detail: text.slice(0, 200) }
    if (response.status === 401 && !options.anonymous) config.onUnauthenticated()
    const error = new ApiError(response.status, problem)
    const retryAfter = Number(response.headers?.get?.('Retry-After') ?? NaN)
    if (Number.isFinite(retryAfter) && retryAfter >= 0) error.retryAfter = retryAfter
    throw error
  }
  return parsed as T
}

/** The WebSocket URL for a route, relative to the page (ws: or wss: as the page is). */
export function socketUrl(route: Route, options: RequestOptions = {}): string {
  const relative = urlFor(route, options)
  if (/^https?:/.test(relative)) return relative.replace(/^http/, 'ws')
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${relative}`
}

/** A GET whose answer is bytes (an attachment), with the same token and error handling. */
export async function requestBlob(route: Route, options: RequestOptions = {}): Promise<Blob> {
  const headers: Record<string, string> = { 'Accept-Language': config.locale() }
  const token = config.token()
  if (token) headers.Authorization = `Bearer ${token}`
  let response: Response
  try {
    response = await config.fetch(urlFor(route, options), { method: 'GET', headers, signal: options.signal })
  } catch (e) {
    throw new ApiError(0, { code: 'network', detail: String((e as Error)?.message ?? e) })
  }
  if (!response.ok) {
    if (response.status === 401) config.onUnauthenticated()
    throw new ApiError(response.status, {})
  }
  return response.blob()
}
