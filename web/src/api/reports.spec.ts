// The reports, routing-rule, category and slot clients against docs/openapi.yaml: every call
// reaches a documented path and method, with the query parameters the spec names, and the
// downloads send the Bearer token and ask for the format.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { configureClient } from './http'
import * as reports from './reports'
import * as setup from './setup'
import * as slots from './slots'
import { drillQuery, reportQuery } from '@/domain/reports'

type Operation = { parameters?: { name?: string; $ref?: string }[] }
const spec = parse(readFileSync(resolve(__dirname, '../../../docs/openapi.yaml'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>
}

describe('reports and setup clients', () => {
  const calls: { method: string; url: string; headers: Record<string, string>; body?: string }[] = []
  configureClient({
    token: () => 'lls_test',
    onUnauthenticated: () => {},
    fetch: async (input, init) => {
      calls.push({ method: init?.method ?? 'GET', url: String(input), headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body as string })
      const isFile = String(input).includes('format=')
      return new Response(isFile ? 'PK' : '{"items":[]}', { status: 200, headers: { 'Content-Type': isFile ? 'application/octet-stream' : 'application/json' } })
    },
  })
  afterEach(() => {
    calls.length = 0
  })

  it('only reach documented paths, methods and query parameters', async () => {
    const base = reportQuery({ period: 'custom', date: '', range: ['2026-11-01', '2026-11-30'], groupBy: 'category', depth: 2, type: 'repair', districtId: 3 })
    await reports.getWorkOrderReport(base)
    await reports.getReportOrders(drillQuery(base, { group: 'water.leak', metric: 'resolution_missed', customerId: 4 }, 20, 20))
    await reports.downloadReport(base, 'xlsx')
    await reports.downloadReportOrders(drillQuery(base, { metric: 'created' }), 'csv')
    await setup.listRoutingRules()
    await setup.putRoutingRules([{ category: 'water', district_id: null, org_unit_id: 2, auto_assign: false }])
    await setup.listCategoryNodes()
    await setup.putCategoryNodes([])
    await slots.listHomeServices()
    await slots.listSlots({ district_id: 1, utility: 'gas', from: 1, to: 2, available: true, limit: 1000 })
    await slots.planSlots({ team_id: 1, district_id: 2, utility: 'gas', from: 20261203, to: 20261210 })
    expect(calls).toHaveLength(11)
    for (const { method, url } of calls) {
      const u = new URL(url, 'http://localhost')
      const op = spec.paths[u.pathname]?.[method.toLowerCase()]
      expect(op, `${method} ${u.pathname}`).toBeDefined()
      const names = new Set((op!.parameters ?? []).map((p) => p.name))
      for (const key of u.searchParams.keys()) expect(names.has(key), `${method} ${u.pathname} ?${key}`).toBe(true)
    }
  })

  it('downloads with the token and the format', async () => {
    const blob = await reports.downloadReport({ period: 'month', from: '2026-11-01', group_by: 'none' }, 'xlsx')
    expect(await blob.text()).toBe('PK')
    expect(calls[0].url).toContain('format=xlsx')
    expect(calls[0].headers.Authorization).toBe('Bearer lls_test')
  })

  it('sends the whole document on a PUT', async () => {
    await setup.putRoutingRules([{ category: 'gas', district_id: 5, org_unit_id: 9, auto_assign: true }])
    expect(calls[0].method).toBe('PUT')
    expect(JSON.parse(calls[0].body!)).toEqual({ items: [{ category: 'gas', district_id: 5, org_unit_id: 9, auto_assign: true }] })
  })
})
