// Routes: every view is its own lazy chunk. `meta.page` names the entry in
// domain/navigation.ts that says which roles may open it; the guard enforces it and sends
// people without a session to the login page (with a redirect back).
import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router'
import { landingFor, mayOpen, safeRedirect, type PageName } from '@/domain/navigation'
import { useSessionStore } from '@/stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    page?: PageName
    public?: boolean
    title?: string
  }
}

export const routeTable: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/LoginView.vue'),
    meta: { public: true, title: 'login.title' },
  },
  {
    path: '/track/:code?',
    name: 'track',
    component: () => import('@/views/track/TrackView.vue'),
    meta: { public: true, title: 'nav.track' },
  },
  // 客户服务门户 (H5, no login)
  { path: '/portal', name: 'portal', component: () => import('@/views/portal/PortalHome.vue'), meta: { public: true, title: 'portal.home.title' } },
  { path: '/portal/report', name: 'portal-report', component: () => import('@/views/portal/ReportView.vue'), meta: { public: true, title: 'portal.report.title' } },
  { path: '/portal/bill', name: 'portal-bill', component: () => import('@/views/portal/BillView.vue'), meta: { public: true, title: 'portal.bill.title' } },
  { path: '/portal/book', name: 'portal-book', component: () => import('@/views/portal/BookView.vue'), meta: { public: true, title: 'portal.book.title' } },
  { path: '/portal/notices', name: 'portal-notices', component: () => import('@/views/portal/NoticesView.vue'), meta: { public: true, title: 'portal.notices.title' } },
  {
    path: '/dispatch/sheet/:id',
    name: 'dispatch-sheet',
    component: () => import('@/views/dispatch/DispatchSheet.vue'),
    meta: { page: 'dispatch', title: 'wf.sheet.title' },
  },
  {
    path: '/wallboard',
    name: 'wallboard',
    component: () => import('@/views/wallboard/WallBoard.vue'),
    meta: { page: 'wallboard', title: 'nav.wallboard' },
  },
  {
    path: '/',
    component: () => import('@/layouts/AppShell.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/views/common/WelcomeView.vue'), meta: { page: 'no-workspace' } },
      { path: 'agent', name: 'agent-desk', component: () => import('@/views/agent/AgentDesk.vue'), meta: { page: 'agent-desk', title: 'nav.agent_desk' } },
      { path: 'dispatch', name: 'dispatch', component: () => import('@/views/dispatch/DispatchBoard.vue'), meta: { page: 'dispatch', title: 'nav.dispatch' } },
      { path: 'tech', name: 'my-jobs', component: () => import('@/views/tech/MyJobs.vue'), meta: { page: 'my-jobs', title: 'nav.my_jobs' } },
      { path: 'tech/jobs/:id', name: 'job', component: () => import('@/views/tech/JobDetail.vue'), meta: { page: 'my-jobs', title: 'wf.tech.detail' } },
      { path: 'callbacks', name: 'callbacks', component: () => import('@/views/agent/CallbackDesk.vue'), meta: { page: 'callbacks', title: 'nav.callbacks' } },
      { path: 'admin/outages', name: 'outages', component: () => import('@/views/admin/OutagesView.vue'), meta: { page: 'outages', title: 'nav.outages' } },
      { path: 'admin/work-order-settings', name: 'wo-settings', component: () => import('@/views/admin/WorkOrderSettingsView.vue'), meta: { page: 'wo-settings', title: 'nav.wo_settings' } },
      { path: 'admin/users', name: 'users', component: () => import('@/views/admin/UsersView.vue'), meta: { page: 'users', title: 'nav.users' } },
      { path: 'admin/org-units', name: 'org-units', component: () => import('@/views/admin/OrgUnitsView.vue'), meta: { page: 'org-units', title: 'nav.org_units' } },
      { path: 'reports', name: 'reports', component: () => import('@/views/reports/ReportsView.vue'), meta: { page: 'reports', title: 'rpt.title' } },
      { path: 'admin/routing-rules', name: 'routing-rules', component: () => import('@/views/admin/RoutingRulesView.vue'), meta: { page: 'routing-rules', title: 'cfg.nav.routing' } },
      { path: 'admin/categories', name: 'categories', component: () => import('@/views/admin/CategoryTreeView.vue'), meta: { page: 'categories', title: 'cfg.nav.categories' } },
      { path: 'admin/appointment-slots', name: 'slots', component: () => import('@/views/admin/SlotsView.vue'), meta: { page: 'slots', title: 'cfg.nav.slots' } },
      { path: 'audit', name: 'audit', component: () => import('@/views/audit/AuditView.vue'), meta: { page: 'audit', title: 'nav.audit' } },
      { path: 'welcome', name: 'no-workspace', component: () => import('@/views/common/WelcomeView.vue'), meta: { page: 'no-workspace', title: 'nav.welcome' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/views/common/NotFound.vue'), meta: { page: 'no-workspace', title: 'not_found.title' } },
    ],
  },
]

export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    const session = useSessionStore()
    if (to.meta.public) {
      if (to.name === 'login' && session.signedIn && (await session.confirm())) {
        return safeRedirect(to.query.redirect) ?? landingFor(session.role!).path
      }
      return true
    }
    if (!session.signedIn || !(await session.confirm())) {
      return { name: 'login', query: { redirect: to.fullPath } }
    }
    const role = session.role!
    if (to.name === 'home') return landingFor(role).path
    if (to.meta.page && !mayOpen(role, to.meta.page)) return landingFor(role).path
    return true
  })
}

export function makeRouter(): Router {
  const router = createRouter({ history: createWebHistory(), routes: routeTable })
  installGuards(router)
  return router
}
