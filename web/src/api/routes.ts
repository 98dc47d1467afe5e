// Every server endpoint the web app calls, as "METHOD /path/{param}". This is the only file
// that may spell an API path: src/api/openapi.spec.ts checks each entry against
// docs/openapi.yaml and fails when a path appears anywhere else in src/.
export const routes = {
  login: 'POST /api/v1/auth/login',
  logout: 'POST /api/v1/auth/logout',
  me: 'GET /api/v1/auth/me',

  listUsers: 'GET /api/v1/users',
  createUser: 'POST /api/v1/users',
  setPassword: 'POST /api/v1/users/{username}/password',
  disableUser: 'POST /api/v1/users/{username}/disable',
  enableUser: 'POST /api/v1/users/{username}/enable',
  unlockUser: 'POST /api/v1/users/{username}/unlock',

  listOrgUnits: 'GET /api/v1/org-units',
  createOrgUnit: 'POST /api/v1/org-units',

  listAudit: 'GET /api/v1/audit',
  verifyAudit: 'GET /api/v1/audit/verify',

  screenPop: 'GET /api/v1/customers',
  searchCustomers: 'GET /api/v1/customers/search',
  getCustomer: 'GET /api/v1/customers/{id}',
  accountBilling: 'GET /api/v1/accounts/{account_no}/billing',
  listDistricts: 'GET /api/v1/topology/districts',

  recordInteraction: 'POST /api/v1/interactions',
  customerTimeline: 'GET /api/v1/customers/{id}/timeline',

  listWorkOrders: 'GET /api/v1/work-orders',
  createWorkOrder: 'POST /api/v1/work-orders',
  getWorkOrder: 'GET /api/v1/work-orders/{id}',
  listWorkOrderCategories: 'GET /api/v1/work-order-categories',

  eventStream: 'GET /api/v1/events',

  listTechnicians: 'GET /api/v1/technicians',
  planDay: 'POST /api/v1/dispatch/day-plans',
  getDayPlan: 'GET /api/v1/dispatch/day-plans',
  moveInDayPlan: 'POST /api/v1/dispatch/day-plans/move',
  preemptInDayPlan: 'POST /api/v1/dispatch/day-plans/preempt',
  myStops: 'GET /api/v1/technicians/me/stops',
  myTechnician: 'GET /api/v1/technicians/me',
  saveTechnicianProfile: 'PUT /api/v1/technicians/{id}',
  setTechnicianDuty: 'POST /api/v1/technicians/{id}/duty',
  reportPosition: 'POST /api/v1/technicians/me/position',

  transitionWorkOrder: 'POST /api/v1/work-orders/{id}/transitions',
  assigneeSuggestions: 'GET /api/v1/work-orders/{id}/assignee-suggestions',
  getWorkOrderSettings: 'GET /api/v1/work-order-settings',
  putWorkOrderSettings: 'PUT /api/v1/work-order-settings',
  track: 'GET /api/v1/track/{code}',

  listOutages: 'GET /api/v1/outages',
  createOutage: 'POST /api/v1/outages',
  changeOutage: 'PATCH /api/v1/outages/{id}',
  listAnnouncements: 'GET /api/v1/announcements',
  createAnnouncement: 'POST /api/v1/announcements',
  withdrawAnnouncement: 'DELETE /api/v1/announcements/{id}',

  uploadAttachment: 'POST /api/v1/work-orders/{id}/attachments',
  listAttachments: 'GET /api/v1/work-orders/{id}/attachments',
  attachmentContent: 'GET /api/v1/attachments/{id}/content',
  rateTracking: 'POST /api/v1/track/{code}/rating',

  // the customer portal (no login) and appointments booked by staff
  publicAppointmentServices: 'GET /api/v1/public/appointment-services',
  publicAppointmentSlots: 'GET /api/v1/public/appointment-slots',
  publicBook: 'POST /api/v1/public/appointments',
  publicWorkOrderCategories: 'GET /api/v1/public/work-order-categories',
  publicReport: 'POST /api/v1/public/work-orders',
  publicBillQuery: 'POST /api/v1/public/bill-query',
  publicOutages: 'GET /api/v1/public/outages',
  publicAnnouncements: 'GET /api/v1/public/announcements',
  trackAttachment: 'POST /api/v1/track/{code}/attachments',
  appointmentServices: 'GET /api/v1/appointment-services',
  appointmentAvailability: 'GET /api/v1/appointment-availability',
  listAppointments: 'GET /api/v1/appointments',
  bookAppointment: 'POST /api/v1/appointments',
  rescheduleAppointment: 'POST /api/v1/appointments/{id}/reschedule',
  cancelAppointment: 'POST /api/v1/appointments/{id}/cancel',

  // reports and the administrator's routing, category and slot screens
  workOrderReport: 'GET /api/v1/reports/work-orders',
  workOrderReportOrders: 'GET /api/v1/reports/work-orders/orders',
  listRoutingRules: 'GET /api/v1/routing-rules',
  putRoutingRules: 'PUT /api/v1/routing-rules',
  putWorkOrderCategories: 'PUT /api/v1/work-order-categories',
  listAppointmentServices: 'GET /api/v1/appointment-services',
  listAppointmentSlots: 'GET /api/v1/appointment-slots',
  planAppointmentSlots: 'POST /api/v1/appointment-slots',
} as const

export type RouteName = keyof typeof routes
export type Route = (typeof routes)[RouteName]

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export function splitRoute(route: string): { method: Method; path: string } {
  const space = route.indexOf(' ')
  return { method: route.slice(0, space) as Method, path: route.slice(space + 1) }
}
