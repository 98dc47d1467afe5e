#include "adapters/storage/sql_store.h"

#include <exception>
#include <optional>

#include "adapters/storage/repositories/sql_appointment_repository.h"
#include "adapters/storage/repositories/sql_attachment_repository.h"
#include "adapters/storage/repositories/sql_audit_repository.h"
#include "adapters/storage/repositories/sql_credential_repositories.h"
#include "adapters/storage/repositories/sql_customer_message_repository.h"
#include "adapters/storage/repositories/sql_customer_repository.h"
#include "adapters/storage/repositories/sql_day_plan_repository.h"
#include "adapters/storage/repositories/sql_event_log.h"
#include "adapters/storage/repositories/sql_interaction_repository.h"
#include "adapters/storage/repositories/sql_notification_repository.h"
#include "adapters/storage/repositories/sql_org_unit_repository.h"
#include "adapters/storage/repositories/sql_outage_repository.h"
#include "adapters/storage/repositories/sql_report_repository.h"
#include "adapters/storage/repositories/sql_technician_repository.h"
#include "adapters/storage/repositories/sql_topology_repository.h"
#include "adapters/storage/repositories/sql_user_repository.h"
#include "adapters/storage/repositories/sql_work_order_repository.h"

namespace lifeline::storage {

namespace {

constexpr int kMaxAttempts = 3;

// Repositories are cheap views over the connection, created on first use.
class SqlStoreSession final : public StoreSession {
 public:
  SqlStoreSession(Connection& connection, const crypto::PiiCipher& cipher, const Digest& digest)
      : connection_(connection), cipher_(cipher), digest_(digest), events_(connection) {}

  UserRepository& Users() override { return Lazy(users_, connection_); }
  OrgUnitRepository& OrgUnits() override { return Lazy(org_units_, connection_); }
  SessionRepository& Sessions() override { return Lazy(sessions_, connection_); }
  ApiKeyRepository& ApiKeys() override { return Lazy(api_keys_, connection_); }
  AuditRepository& Audit() override { return Lazy(audit_, connection_, digest_); }
  EventLog& Events() override { return events_; }
  CustomerRepository& Customers() override { return Lazy(customers_, connection_, cipher_); }
  TopologyRepository& Topology() override { return Lazy(topology_, connection_); }
  OutageRepository& Outages() override { return Lazy(outages_, connection_); }
  AnnouncementRepository& Announcements() override { return Lazy(announcements_, connection_); }
  TechnicianRepository& Technicians() override { return Lazy(technicians_, connection_); }
  DayPlanRepository& DayPlans() override { return Lazy(day_plans_, connection_); }
  InteractionRepository& Interactions() override {
    return Lazy(interactions_, connection_, cipher_);
  }

  WorkOrderRepository& WorkOrders() override { return Lazy(work_orders_, connection_, cipher_); }
  AppointmentRepository& Appointments() override { return Lazy(appointments_, connection_); }
  AttachmentRepository& Attachments() override { return Lazy(attachments_, connection_); }
  ReportRepository& Reports() override { return Lazy(reports_, connection_); }
  NotificationRepository& Notifications() override { return Lazy(notifications_, connection_); }
  CustomerMessageRepository& CustomerMessages() override {
    return Lazy(customer_messages_, connection_, cipher_);
  }

  SqlEventLog& event_log() { return events_; }

  // The sequenced section on SQLite (ADR 0002): the audit records and events the work held
  // back are written last, in commit order (one writer). True when there were events.
  Result<bool> FlushSequenced(TimeMs at) {
    if (audit_ && audit_->has_pending()) {
      if (auto s = audit_->Flush(); !s) return Fail(s.error());
    }
    if (!events_.has_pending()) return false;
    if (auto s = events_.Flush(at); !s) return Fail(s.error());
    return true;
  }
  // On PostgreSQL they are staged instead, without a lock, for the sequencer. True when there
  // was anything to stage.
  Result<bool> Stage(TimeMs at) {
    const bool audit = audit_ && audit_->has_pending();
    const bool events = events_.has_pending();
    if (audit) {
      if (auto s = audit_->Stage(); !s) return Fail(s.error());
    }
    if (events) {
      if (auto s = events_.Stage(at); !s) return Fail(s.error());
    }
    return audit || events;
  }

 private:
  template <class Repository, class... Args>
  static Repository& Lazy(std::optional<Repository>& slot, Args&... args) {
    if (!slot) slot.emplace(args...);
    return *slot;
  }

  Connection& connection_;
  const crypto::PiiCipher& cipher_;
  const Digest& digest_;
  SqlEventLog events_;
  std::optional<SqlUserRepository> users_;
  std::optional<SqlOrgUnitRepository> org_units_;
  std::optional<SqlSessionRepository> sessions_;
  std::optional<SqlApiKeyRepository> api_keys_;
  std::optional<SqlAuditRepository> audit_;
  std::optional<SqlCustomerRepository> customers_;
  std::optional<SqlTopologyRepository> topology_;
  std::optional<SqlOutageRepository> outages_;
  std::optional<SqlAnnouncementRepository> announcements_;
  std::optional<SqlTechnicianRepository> technicians_;
  std::optional<SqlDayPlanRepository> day_plans_;
  std::optional<SqlInteractionRepository> interactions_;
  std::optional<SqlWorkOrderRepository> work_orders_;
  std::optional<SqlAppointmentRepository> appointments_;
  std::optional<SqlAttachmentRepository> attachments_;
  std::optional<SqlReportRepository> reports_;
  std::optional<SqlNotificationRepository> notifications_;
  std::optional<SqlCustomerMessageRepository> customer_messages_;
};

}  // namespace

// PostgreSQL: one transaction per write; it stages its audit records and events for the
// sequencer.
Status SqlStore::WriteOnce(FunctionRef<Status(StoreSession&)> work, bool& staged) {
  auto connection = db_.Acquire(Access::kWrite);
  if (!connection) return Fail(connection.error());
  Connection& conn = **connection;
  if (auto s = conn.Begin(); !s) return s;
  SqlStoreSession session(conn, cipher_, digest_);
  Status status = work(session);
  if (status) {
    auto stage = session.Stage(clock_.NowMs());
    if (!stage) status = Fail(stage.error());
    staged = status && *stage;
  }
  if (status) status = conn.Commit();
  if (!status) (void)conn.Rollback();
  return status;
}

Status SqlStore::Write(FunctionRef<Status(StoreSession&)> work) {
  if (!postgres()) {
    GroupCommit::Entry entry(work);
    Status status = group_commit_.Submit(entry);
    if (status && entry.events && on_events_committed_) on_events_committed_();
    return status;
  }
  Status status;
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    bool staged = false;
    status = WriteOnce(work, staged);
    if (status) {
      if ((staged || sequencer_.behind()) && Sequence() && on_events_committed_) {
        on_events_committed_();
      }
      return status;
    }
    if (status.error().code != ErrorCode::kAborted) return status;
  }
  return status;
}

// SQLite: the batch shares one transaction; each write has its savepoint (docs/design/
// storage.md, "Group commit on SQLite").
void SqlStore::RunBatch(std::span<GroupCommit::Entry* const> batch) {
  auto connection = db_.Acquire(Access::kWrite);
  if (!connection) return FailBatch(batch, connection.error());
  Connection& conn = **connection;
  if (auto s = conn.Begin(); !s) return FailBatch(batch, s.error());
  for (GroupCommit::Entry* entry : batch) {
    entry->status = RunInSavepoint(conn, *entry);
    if (!conn.in_transaction()) {
      // SQLite abandoned the transaction (a full disk, an I/O error): the writes before this
      // one went with it, and the ones after would find the same.
      return FailBatch(batch, entry->status ? Error::Unavailable("storage: transaction lost")
                                            : entry->status.error());
    }
  }
  if (auto s = conn.Commit(); !s) {
    (void)conn.Rollback();
    return FailBatch(batch, s.error());
  }
}

Status SqlStore::RunInSavepoint(Connection& conn, GroupCommit::Entry& entry) {
  static constexpr Query kSavepoint{"store.savepoint", "SAVEPOINT write"};
  static constexpr Query kRelease{"store.release", "RELEASE write"};
  static constexpr Query kRollbackTo{"store.rollback_to", "ROLLBACK TO write"};
  if (auto s = conn.Exec(kSavepoint); !s) return Fail(s.error());
  SqlStoreSession session(conn, cipher_, digest_);
  Status status;
  try {
    status = entry.work(session);
  } catch (...) {
    entry.thrown = std::current_exception();
    status = Fail(Error::Internal("the write threw"));
  }
  if (status) {
    auto flushed = session.FlushSequenced(clock_.NowMs());
    if (!flushed) status = Fail(flushed.error());
    entry.events = status && *flushed;
  }
  if (!status && conn.in_transaction()) (void)conn.Exec(kRollbackTo);
  if (conn.in_transaction()) {
    if (auto released = conn.Exec(kRelease); !released && status) status = Fail(released.error());
  }
  return status;
}

// Every write of the batch that had not failed on its own fails with `error`.
void SqlStore::FailBatch(std::span<GroupCommit::Entry* const> batch, const Error& error) {
  for (GroupCommit::Entry* entry : batch) {
    if (entry->status) entry->status = Fail(error);
    entry->events = false;
  }
}

// The write has committed: should sequencing fail now, its records stay staged, durable, and
// the next write's run moves them (any write runs the sequencer while it is behind; the
// notification pump and the deadline ticker write regularly). The write itself succeeded.
bool SqlStore::Sequence() {
  auto moved = sequencer_.Sync();
  return moved && *moved;
}

Status SqlStore::Read(FunctionRef<Status(StoreSession&)> work) {
  auto connection = db_.Acquire(Access::kRead);
  if (!connection) return Fail(connection.error());
  SqlStoreSession session(**connection, cipher_, digest_);
  return work(session);
}

}  // namespace lifeline::storage
