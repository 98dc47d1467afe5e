// Who lands where and who sees which page: one table, used by the router guard and by the side
// navigation so the two cannot disagree.
import type { Role } from '@/api/types'

export type PageName =
  | 'agent-desk'
  | 'dispatch'
  | 'my-jobs'
  | 'wallboard'
  | 'users'
  | 'org-units'
  | 'audit'
  | 'callbacks'
  | 'wo-settings'
  | 'outages'
  | 'reports'
  | 'routing-rules'
  | 'categories'
  | 'slots'
  | 'no-workspace'

export interface PageEntry {
  name: PageName
  path: string
  /** i18n key of the navigation label */
  label: string
  /** icon name from @element-plus/icons-vue */
  icon: string
  roles: readonly Role[]
  /** Shown in the side navigation (the fallback page is not). */
  inNav: boolean
}

export const PAGES: readonly PageEntry[] = [
  { name: 'agent-desk', path: '/agent', label: 'nav.agent_desk', icon: 'Headset', roles: ['agent', 'supervisor', 'dispatcher'], inNav: true },
  { name: 'dispatch', path: '/dispatch', label: 'nav.dispatch', icon: 'Van', roles: ['dispatcher', 'supervisor'], inNav: true },
  { name: 'my-jobs', path: '/tech', label: 'nav.my_jobs', icon: 'Tools', roles: ['technician'], inNav: true },
  { name: 'wallboard', path: '/wallboard', label: 'nav.wallboard', icon: 'Monitor', roles: ['supervisor', 'manager', 'admin'], inNav: true },
  { name: 'users', path: '/admin/users', label: 'nav.users', icon: 'User', roles: ['admin', 'supervisor', 'manager', 'auditor'], inNav: true },
  { name: 'org-units', path: '/admin/org-units', label: 'nav.org_units', icon: 'OfficeBuilding', roles: ['admin', 'supervisor', 'manager', 'auditor'], inNav: true },
  { name: 'callbacks', path: '/callbacks', label: 'nav.callbacks', icon: 'ChatDotRound', roles: ['agent', 'supervisor'], inNav: true },
  { name: 'outages', path: '/admin/outages', label: 'nav.outages', icon: 'Warning', roles: ['dispatcher', 'supervisor', 'admin'], inNav: true },
  { name: 'wo-settings', path: '/admin/work-order-settings', label: 'nav.wo_settings', icon: 'Timer', roles: ['admin', 'supervisor', 'manager'], inNav: true },
  { name: 'reports', path: '/reports', label: 'rpt.nav', icon: 'DataAnalysis', roles: ['supervisor', 'manager', 'auditor', 'admin'], inNav: true },
  { name: 'routing-rules', path: '/admin/routing-rules', label: 'cfg.nav.routing', icon: 'Share', roles: ['admin', 'supervisor', 'manager', 'dispatcher'], inNav: true },
  { name: 'categories', path: '/admin/categories', label: 'cfg.nav.categories', icon: 'Files', roles: ['admin', 'supervisor', 'manager'], inNav: true },
  { name: 'slots', path: '/admin/appointment-slots', label: 'cfg.nav.slots', icon: 'Calendar', roles: ['admin', 'supervisor', 'dispatcher'], inNav: true },
  { name: 'audit', path: '/audit', label: 'nav.audit', icon: 'Document', roles: ['admin', 'auditor'], inNav: true },
  { name: 'no-workspace', path: '/welcome', label: 'nav.welcome', icon: 'House', roles: ['integration'], inNav: false },
]

const LANDING: Record<Role, PageName> = {
  agent: 'agent-desk',
  dispatcher: 'dispatch',
  technician: 'my-jobs',
  supervisor: 'wallboard',
  manager: 'wallboard',
  admin: 'users',
  auditor: 'audit',
  integration: 'no-workspace',
}

export function landingFor(role: Role | string): PageEntry {
  const name = LANDING[role as Role] ?? 'no-workspace'
  return PAGES.find((p) => p.name === name)!
}

export function mayOpen(role: Role | string, page: PageName): boolean {
  const entry = PAGES.find((p) => p.name === page)
  if (!entry) return false
  return entry.name === 'no-workspace' || entry.roles.includes(role as Role)
}

export function navFor(role: Role | string): PageEntry[] {
  return PAGES.filter((p) => p.inNav && p.roles.includes(role as Role))
}

/** Only same-app paths may be a redirect target after login (no open redirects). */
export function safeRedirect(target: unknown): string | null {
  if (typeof target !== 'string') return null
  if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return null
  return target
}
