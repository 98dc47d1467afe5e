import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildQuery, configureClient, fieldErrors, fillPath, request } from './http'
import { routes } from './routes'

function respond(status: number, body: unknown, type = 'application/json') {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } }))
}

describe('fillPath and buildQuery', () => {
  it('encodes path parameters and refuses missing ones', () => {
    expect(fillPath('/api/v1/users/{username}/disable', { username: 'a b/c' })).toBe('/api/v1/users/a%20b%2Fc/disable')
    expect(() => fillPath('/api/v1/customers/{id}', {})).toThrow(/id/)
  })
  it('drops empty query values', () => {
    expect(buildQuery({ q: '阳光', limit: 20, actor: '', to: undefined })).toBe('?q=%E9%98%B3%E5%85%89&limit=20')
    expect(buildQuery({})).toBe('')
  })
})

describe('request', () => {
  const onUnauthenticated = vi.fn()
  beforeEach(() => {
    onUnauthenticated.mockReset()
    configureClient({ token: () => 'lls_abc', locale: () => 'en', onUnauthenticated })
  })

  it('sends the token, the language and a JSON body', async () => {
    const fetch = respond(201, { id: 9 })
    configureClient({ fetch })
    const out = await request<{ id: number }>(routes.createUser, { body: { username: 'x' } })
    expect(out.id).toBe(9)
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/users')
    expect(init.method).toBe('POST')
    const headers = init.headers as Record<string, string>
    expect(headers.Authorization).toBe('Bearer lls_abc')
    expect(headers['Accept-Language']).toBe('en')
    expect(init.body).toBe('{"username":"x"}')
  })

  it('turns a problem document into an ApiError with the field', async () => {
    configureClient({
      fetch: respond(400, { type: 'urn:lifeline:problem:invalid_argument', title: '请求内容有误', status: 400, code: 'invalid_argument', detail: 'display_name is required', field: 'display_name' }, 'application/problem+json'),
    })
    const error = (await request(routes.createUser, { body: {} }).catch((e: unknown) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('invalid_argument')
    expect(fieldErrors(error)).toEqual({ display_name: 'display_name is required' })
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('reports a 401 as an ended session', async () => {
    configureClient({ fetch: respond(401, { code: 'unauthenticated', title: '请先登录' }) })
    await expect(request(routes.me)).rejects.toMatchObject({ status: 401, code: 'unauthenticated' })
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
  })

  it('does not treat a failed login as an ended session, nor send a token with it', async () => {
    const fetch = respond(401, { code: 'unauthenticated' })
    configureClient({ fetch })
    await expect(request(routes.login, { body: {}, anonymous: true })).rejects.toMatchObject({ status: 401 })
    expect(onUnauthenticated).not.toHaveBeenCalled()
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1]
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined()
  })

  it('maps a network failure and a non-JSON error body', async () => {
    configureClient({ fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) })
    await expect(request(routes.me)).rejects.toMatchObject({ status: 0, code: 'network' })
    configureClient({ fetch: vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502 })) })
    await expect(request(routes.me)).rejects.toMatchObject({ status: 502, code: 'internal' })
  })

  it('returns undefined for an empty 204', async () => {
    configureClient({ fetch: vi.fn(async () => new Response(null, { status: 204 })) })
    await expect(request(routes.disableUser, { path: { username: 'x' } })).resolves.toBeUndefined()
  })
})
