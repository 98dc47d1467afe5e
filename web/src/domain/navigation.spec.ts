import { describe, expect, it } from 'vitest'
import { ROLES } from '@/api/types'
import { landingFor, mayOpen, navFor, safeRedirect } from './navigation'

describe('role landing', () => {
  it('sends each role to its own workspace', () => {
    expect(landingFor('agent').path).toBe('/agent')
    expect(landingFor('dispatcher').path).toBe('/dispatch')
    expect(landingFor('technician').path).toBe('/tech')
    expect(landingFor('supervisor').path).toBe('/wallboard')
    expect(landingFor('manager').path).toBe('/wallboard')
    expect(landingFor('admin').path).toBe('/admin/users')
    expect(landingFor('auditor').path).toBe('/audit')
    expect(landingFor('integration').path).toBe('/welcome')
    expect(landingFor('someone-new').path).toBe('/welcome')
  })
  it('lets every role open its own landing page', () => {
    for (const role of ROLES) expect(mayOpen(role, landingFor(role).name)).toBe(true)
  })
})

describe('navigation', () => {
  it('shows each role only the pages it may open', () => {
    expect(navFor('agent').map((p) => p.name)).toEqual(['agent-desk', 'callbacks'])
    expect(navFor('auditor').map((p) => p.name)).toEqual(['users', 'org-units', 'reports', 'audit'])
    expect(navFor('technician').map((p) => p.name)).toEqual(['my-jobs'])
    for (const role of ROLES) for (const page of navFor(role)) expect(mayOpen(role, page.name)).toBe(true)
  })
  it('opens reports to the roles with reports:read, the setup pages to who may read them', () => {
    for (const role of ['supervisor', 'manager', 'auditor', 'admin']) expect(mayOpen(role, 'reports')).toBe(true)
    for (const role of ['agent', 'dispatcher', 'technician', 'integration']) expect(mayOpen(role, 'reports')).toBe(false)
    expect(navFor('admin').map((p) => p.name)).toEqual(expect.arrayContaining(['reports', 'routing-rules', 'categories', 'slots']))
    expect(navFor('manager').map((p) => p.name)).toEqual(expect.arrayContaining(['reports', 'routing-rules', 'categories']))
    expect(mayOpen('dispatcher', 'slots')).toBe(true)
    expect(mayOpen('agent', 'categories')).toBe(false)
    expect(mayOpen('technician', 'routing-rules')).toBe(false)
  })
  it('keeps agents out of admin pages', () => {
    expect(mayOpen('agent', 'users')).toBe(false)
    expect(mayOpen('technician', 'audit')).toBe(false)
  })
})

describe('safeRedirect', () => {
  it('allows only paths inside the app', () => {
    expect(safeRedirect('/audit?actor=admin')).toBe('/audit?actor=admin')
    expect(safeRedirect('//evil.example')).toBeNull()
    expect(safeRedirect('https://evil.example')).toBeNull()
    expect(safeRedirect('/login')).toBeNull()
    expect(safeRedirect(undefined)).toBeNull()
  })
})
