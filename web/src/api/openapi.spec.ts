// The client against the contract: every route the app calls must be in docs/openapi.yaml with
// its method, every URL the client functions build must match a documented path, and no file
// outside src/api/routes.ts may spell an API path (so nothing bypasses this check).
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { routes, splitRoute } from './routes'
import { configureClient } from './http'
import * as auth from './auth'
import * as users from './users'
import * as audit from './audit'
import * as customers from './customers'
import * as technicians from './technicians'
import * as interactions from './interactions'
import * as workOrders from './workOrders'
import * as outages from './outages'
import * as attachments from './attachments'
import { EventStream } from './events'

const specPath = resolve(__dirname, '../../../docs/openapi.yaml')
const spec = parse(readFileSync(specPath, 'utf8')) as { paths: Record<string, Record<string, unknown>> }

function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`))
  return new RegExp(`^${escaped.replace(/\{\w+\}/g, '[^/]+')}$`)
}

/** The documented path template a concrete path matches, preferring literal segments. */
function specPathFor(path: string): string | undefined {
  const candidates = Object.keys(spec.paths).filter((p) => pathPattern(p).test(path))
  return candidates.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0]
}

describe('api routes', () => {
  it('are all documented in openapi.yaml with their method', () => {
    const missing: string[] = []
    for (const route of Object.values(routes)) {
      const { method, path } = splitRoute(route)
      const item = spec.paths[path]
      if (!item || !(method.toLowerCase() in item)) missing.push(route)
    }
    expect(missing).toEqual([])
  })
})

describe('api client calls', () => {
  const calls: { method: string; url: string }[] = []
  configureClient({
    token: () => 'lls_test',
    onUnauthenticated: () => {},
    fetch: async (input, init) => {
      calls.push({ method: init?.method ?? 'GET', url: String(input) })
      return new Response('{"items":[]}', { status: 200, headers: { 'Content-Type': 'application/json' } })
    },
  })
  afterEach(() => {
    calls.length = 0
  })

  it('only reach documented paths and methods', async () => {
    await auth.login('agent01', 'x')
    await auth.logout()
    await auth.me()
    await users.listUsers()
    await users.createUser({ username: 'a1', display_name: 'A', role: 'agent', org_unit_id: 3, password: 'abcdefg1' })
    await users.setPassword('a b', 'abcdefg1')
    await users.disableUser('agent01')
    await users.enableUser('agent01')
    await users.unlockUser('agent01')
    await users.listOrgUnits()
    await users.createOrgUnit({ kind: 'team', parent_id: 2, code: 'x', name: 'X' })
    await audit.listAudit({ actor: 'admin', limit: 50 })
    await audit.verifyAudit()
    await customers.screenPop('13013579246')
    await customers.searchCustomers('阳光花园')
    await customers.getCustomer(1)
    await customers.accountBilling('1000000001')
    await customers.listDistricts()
    await technicians.listTechnicians()
    await technicians.getMyTechnician()
    await technicians.reportPosition(120.01, 30.02)
    await technicians.saveTechnicianProfile(7, { skills: [{ trade: 'meter', level: 2 }], shift_start_minute: 480, shift_end_minute: 1050, break_minutes: 0, depot_x_km: 0, depot_y_km: 0, van_capacity: 20 })
    await technicians.setTechnicianDuty(7, false)
    await interactions.recordInteraction({ channel: 'phone', direction: 'inbound', customer_id: 1, summary: '咨询水费' })
    await interactions.customerTimeline(1)
    await workOrders.listWorkOrders({ customer_id: 1, limit: 10 })
    await workOrders.createWorkOrder({ type: 'repair', category: 'water.quality.yellow', title: '水黄' })
    await workOrders.getWorkOrder(5)
    await workOrders.listWorkOrderCategories()
    await workOrders.transitionWorkOrder(5, { action: 'urge', version: 2 })
    await workOrders.getWorkOrderDetail(5)
    await workOrders.getWorkOrderSettings()
    await workOrders.putWorkOrderSettings({ open_minute: 510, close_minute: 1050, weekdays: [1], holidays: [], extra_workdays: [], policies: [] })
    await workOrders.getTracking('7K3M-Q9TX-2BHD')
    await workOrders.rateTracking('7K3M-Q9TX-2BHD', { satisfaction: 5 })
    await outages.listOutages(true)
    await outages.createOutage({ utility: 'water', kind: 'unplanned', title: '爆管', starts_at: 1, node_ids: [3] })
    await outages.changeOutage(4, { version: 1, action: 'restore' })
    await outages.listAnnouncements()
    await outages.createAnnouncement({ title: '停水', body: '…', valid_until: 2 })
    await outages.withdrawAnnouncement(6)
    await attachments.uploadAttachment(5, new Blob(['x'], { type: 'image/jpeg' }), 'a b.jpg')
    await attachments.listAttachments(5)
    await attachments.attachmentBlob(8)
    const ws = new EventStream({ token: () => 'lls_test', onEvent: () => {}, after: 7 })
    calls.push({ method: 'GET', url: ws.url() })

    expect(calls.length).toBe(45)
    const undocumented = calls.filter(({ method, url }) => {
      const path = new URL(url, 'http://localhost').pathname
      const template = specPathFor(decodeURIComponent(path).replace(/ /g, '_'))
      return !template || !(method.toLowerCase() in spec.paths[template])
    })
    expect(undocumented).toEqual([])
  })

  it('fails for a path the spec does not have', () => {
    expect(specPathFor('/api/v1/not-a-route')).toBeUndefined()
    expect(specPathFor('/api/v1/customers/search')).toBe('/api/v1/customers/search')
    expect(specPathFor('/api/v1/customers/12')).toBe('/api/v1/customers/{id}')
  })
})

describe('components and stores', () => {
  it('never spell an API path themselves', () => {
    const root = resolve(__dirname, '..')
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name)
        if (statSync(full).isDirectory()) walk(full)
        else if (/\.(ts|vue)$/.test(name) && !name.endsWith('.spec.ts')) {
          const rel = relative(root, full)
          if (rel === join('api', 'routes.ts')) continue
          if (/['"`]\/api\//.test(readFileSync(full, 'utf8'))) offenders.push(rel)
        }
      }
    }
    walk(root)
    expect(offenders).toEqual([])
  })
})
