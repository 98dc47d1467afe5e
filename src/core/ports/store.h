// The unit of work. A service asks the Store for a transaction and receives a StoreSession
// that hands out repositories bound to it; everything done through one session commits or
// rolls back together, including the events it emits and the audit records it appends.
#pragma once

#include "core/common/error.h"
#include "core/common/function_ref.h"
#include "core/ports/appointment_repository.h"
#include "core/ports/attachment_repository.h"
#include "core/ports/audit_repository.h"
#include "core/ports/customer_repository.h"
#include "core/ports/day_plan_repository.h"
#include "core/ports/event_log.h"
#include "core/ports/identity_repositories.h"
#include "core/ports/interaction_repository.h"
#include "core/ports/notification_repository.h"
#include "core/ports/outage_repository.h"
#include "core/ports/report_repository.h"
#include "core/ports/technician_repository.h"
#include "core/ports/work_order_repository.h"

namespace lifeline {

class StoreSession {
 public:
  virtual ~StoreSession() = default;
  virtual UserRepository& Users() = 0;
  virtual OrgUnitRepository& OrgUnits() = 0;
  virtual SessionRepository& Sessions() = 0;
  virtual ApiKeyRepository& ApiKeys() = 0;
  virtual AuditRepository& Audit() = 0;
  virtual EventLog& Events() = 0;
  virtual CustomerRepository& Customers() = 0;
  virtual TopologyRepository& Topology() = 0;
  virtual OutageRepository& Outages() = 0;
  virtual AnnouncementRepository& Announcements() = 0;
  virtual TechnicianRepository& Technicians() = 0;
  virtual DayPlanRepository& DayPlans() = 0;
  virtual InteractionRepository& Interactions() = 0;
  virtual WorkOrderRepository& WorkOrders() = 0;
  virtual AppointmentRepository& Appointments() = 0;
  virtual AttachmentRepository& Attachments() = 0;
  virtual ReportRepository& Reports() = 0;
  virtual NotificationRepository& Notifications() = 0;
  virtual CustomerMessageRepository& CustomerMessages() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs `work` in a read-write transaction. Commits if it returns success, rolls back
  // otherwise; a write that hits a transient conflict (database busy, serialization failure)
  // is retried a bounded number of times, so `work` must not have effects outside the session.
  [[nodiscard]] virtual Status Write(FunctionRef<Status(StoreSession&)> work) = 0;

  // Runs `work` for reading only; each statement sees committed data.
  [[nodiscard]] virtual Status Read(FunctionRef<Status(StoreSession&)> work) = 0;
};

}  // namespace lifeline
