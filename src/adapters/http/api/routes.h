// The JSON API under /api/v1 and the operational endpoints. Each Add…Routes registers one
// area's routes; handlers parse and validate, call a core service, and map the result.
#pragma once

#include <functional>
#include <vector>

#include "adapters/events/event_hub.h"
#include "adapters/http/metrics.h"
#include "adapters/http/router.h"
#include "core/appointments/appointment_service.h"
#include "core/attachments/attachment_service.h"
#include "core/audit/audit_service.h"
#include "core/billing/billing_service.h"
#include "core/customers/customer_service.h"
#include "core/dispatch/field/day_plan_service.h"
#include "core/dispatch/field/dispatch_service.h"
#include "core/identity/auth_service.h"
#include "core/identity/org_service.h"
#include "core/identity/user_service.h"
#include "core/interactions/interaction_service.h"
#include "core/notifications/notification_service.h"
#include "core/outages/outage_service.h"
#include "core/portal/portal_service.h"
#include "core/ports/store.h"
#include "core/reports/report_service.h"
#include "core/workorders/work_order_service.h"

namespace lifeline::http {

struct ApiDependencies {
  Store& store;
  AuthService& auth;
  UserService& users;
  OrgService& orgs;
  CustomerService& customers;
  AuditService& audit;
  events::EventHub& events;
  OutageService& outages;
  BillingService& billing;
  dispatch::DispatchService& dispatch;
  InteractionService& interactions;
  WorkOrderService& work_orders;
  // /metrics renders these in order; the HTTP metrics are added once the router is complete.
  std::vector<MetricsSection> metrics;
  AppointmentService& appointments;
  AttachmentService& attachments;
  ReportService* reports = nullptr;  // work-order reports; their routes are added when set
  NotificationService& notifications;
  PortalService& portal;
  dispatch::DayPlanService* day_plans = nullptr;  // stored day plans; their routes when set
};

void AddSystemRoutes(Router& router, ApiDependencies& deps);
void AddAuthRoutes(Router& router, ApiDependencies& deps);
void AddUserRoutes(Router& router, ApiDependencies& deps);
void AddAuditRoutes(Router& router, ApiDependencies& deps);
void AddCustomerRoutes(Router& router, ApiDependencies& deps);
void AddEventRoutes(Router& router, ApiDependencies& deps);
void AddOutageRoutes(Router& router, ApiDependencies& deps);
void AddDispatchRoutes(Router& router, ApiDependencies& deps);
void AddDayPlanRoutes(Router& router, ApiDependencies& deps);
void AddInteractionRoutes(Router& router, ApiDependencies& deps);
void AddWorkOrderRoutes(Router& router, ApiDependencies& deps);
void AddAppointmentRoutes(Router& router, ApiDependencies& deps);
void AddAttachmentRoutes(Router& router, ApiDependencies& deps);
void AddReportRoutes(Router& router, ApiDependencies& deps);
void AddNotificationRoutes(Router& router, ApiDependencies& deps);
void AddPortalRoutes(Router& router, ApiDependencies& deps);

inline void AddApiRoutes(Router& router, ApiDependencies& deps) {
  AddSystemRoutes(router, deps);
  AddAuthRoutes(router, deps);
  AddUserRoutes(router, deps);
  AddAuditRoutes(router, deps);
  AddCustomerRoutes(router, deps);
  AddEventRoutes(router, deps);
  AddOutageRoutes(router, deps);
  AddDispatchRoutes(router, deps);
  AddDayPlanRoutes(router, deps);
  AddInteractionRoutes(router, deps);
  AddWorkOrderRoutes(router, deps);
  AddAppointmentRoutes(router, deps);
  AddAttachmentRoutes(router, deps);
  AddReportRoutes(router, deps);
  AddNotificationRoutes(router, deps);
  AddPortalRoutes(router, deps);
}

}  // namespace lifeline::http
