// The composition root: builds the adapters from the configuration and injects them into the
// core services. Every command starts from one of these; nothing else constructs services.
#pragma once

#include <memory>

#include "adapters/channels/log_channel.h"
#include "adapters/crypto/pii_cipher.h"
#include "adapters/crypto/sodium.h"
#include "adapters/files/file_attachment_store.h"
#include "adapters/json/fields_json.h"
#include "adapters/storage/db.h"
#include "adapters/storage/sql_store.h"
#include "adapters/system/system_clock.h"
#include "app/config.h"
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
#include "core/notifications/message_sender.h"
#include "core/notifications/notification_consumer.h"
#include "core/notifications/notification_service.h"
#include "core/outages/outage_service.h"
#include "core/portal/portal_service.h"
#include "core/reports/report_service.h"
#include "core/workorders/work_order_service.h"

namespace lifeline::app {

class Runtime {
 public:
  // Opens the database, applies pending migrations and wires the services.
  [[nodiscard]] static Result<std::unique_ptr<Runtime>> Open(const Config& config);

  const Config& config() const { return config_; }
  storage::Db& db() { return *db_; }
  storage::SqlStore& store() { return *store_; }
  const crypto::PiiCipher& cipher() const { return *cipher_; }
  const Clock& clock() const { return clock_; }
  const Digest& digest() const { return digest_; }
  const PasswordHasher& hasher() const { return hasher_; }
  SecureRandom& random() { return random_; }

  AuthService& auth() { return *auth_; }
  UserService& users() { return *users_; }
  OrgService& orgs() { return *orgs_; }
  CustomerService& customers() { return *customers_; }
  OutageService& outages() { return *outages_; }
  BillingService& billing() { return *billing_; }
  dispatch::DispatchService& dispatch() { return *dispatch_; }
  dispatch::DayPlanService& day_plans() { return *day_plans_; }
  InteractionService& interactions() { return *interactions_; }
  WorkOrderService& work_orders() { return *work_orders_; }
  AuditService& audit() { return *audit_; }
  AppointmentService& appointments() { return *appointments_; }
  PortalService& portal() { return *portal_; }
  AttachmentService& attachments() { return *attachments_; }
  ReportService& reports() { return *reports_; }
  NotificationService& notifications() { return *notifications_; }
  NotificationConsumer& notification_consumer() { return *notification_consumer_; }
  MessageSender& message_sender() { return *message_sender_; }

 private:
  explicit Runtime(const Config& config);

  Config config_;
  system::SystemClock clock_;
  crypto::Sha256Digest digest_;
  crypto::SodiumRandom random_;
  crypto::SodiumPasswordHasher hasher_;
  std::unique_ptr<crypto::PiiCipher> cipher_;
  std::unique_ptr<storage::Db> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<UserService> users_;
  std::unique_ptr<OrgService> orgs_;
  std::unique_ptr<CustomerService> customers_;
  std::unique_ptr<OutageService> outages_;
  std::unique_ptr<BillingSystem> billing_system_;  // HTTP when configured, else built-in
  std::unique_ptr<BillingService> billing_;
  std::unique_ptr<dispatch::TravelTimes> travel_times_;  // a routing server, when configured
  std::unique_ptr<dispatch::DispatchService> dispatch_;
  std::unique_ptr<dispatch::DayPlanService> day_plans_;
  std::unique_ptr<InteractionService> interactions_;
  std::unique_ptr<WorkOrderService> work_orders_;
  std::unique_ptr<AuditService> audit_;
  std::unique_ptr<AppointmentService> appointments_;
  std::unique_ptr<PortalService> portal_;
  std::unique_ptr<files::FileAttachmentStore> attachment_files_;  // <data_dir>/attachments
  std::unique_ptr<AttachmentService> attachments_;
  std::unique_ptr<ReportService> reports_;
  json::JsonFieldsDecoder fields_decoder_;
  channels::LogChannel log_channel_;
  std::unique_ptr<NotificationService> notifications_;
  std::unique_ptr<NotificationConsumer> notification_consumer_;
  std::unique_ptr<MessageSender> message_sender_;
};

}  // namespace lifeline::app
