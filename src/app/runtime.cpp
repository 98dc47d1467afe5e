#include "app/runtime.h"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>

#include "adapters/storage/migrations.h"
#include "adapters/storage/postgres/pg_db.h"
#include "adapters/storage/sqlite/sqlite_db.h"
#include "core/billing/store_billing_system.h"

namespace lifeline::app {

namespace {

Result<std::unique_ptr<storage::Db>> OpenDb(const Config& config) {
  if (config.UsesPostgres()) {
    return storage::OpenPostgres(
        {.url = config.storage.db_url, .connections = config.storage.pool_size});
  }
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) {
    return Fail(Error::Unavailable("cannot create data directory " + config.data_dir.string() +
                                   ": " + ec.message()));
  }
  return storage::OpenSqlite(
      {.path = config.SqlitePath().string(),
       .readers = config.storage.pool_size,
       .busy_timeout = std::chrono::milliseconds(config.storage.busy_timeout_ms),
       .synchronous = config.storage.sqlite_synchronous});
}

AuthSettings AuthSettingsOf(const SecurityConfig& security) {
  AuthSettings settings;
  settings.lockout.max_failed_logins = security.max_failed_logins;
  settings.lockout.lock_duration = security.lockout_minutes * kMinuteMs;
  settings.session_ttl = security.session_ttl_minutes * kMinuteMs;
  return settings;
}

Result<std::unique_ptr<BillingSystem>> OpenBilling(const Config& config, Store& store,
                                                   const Clock& clock) {
  if (config.billing.url.empty()) {
    return std::unique_ptr<BillingSystem>(std::make_unique<StoreBillingSystem>(store, clock));
  }
  auto http = billing::HttpBillingSystem::Create(config.billing, clock);
  if (!http) return Fail(http.error());
  return std::unique_ptr<BillingSystem>(std::move(*http));
}

}  // namespace

Runtime::Runtime(const Config& config) : config_(config), hasher_(config.security.password_cost) {}

Result<std::unique_ptr<Runtime>> Runtime::Open(const Config& config) {
  // The configuration has checked the name; every command that runs the product logs at it.
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  if (auto s = crypto::InitSodium(); !s) return Fail(s.error());
  std::unique_ptr<Runtime> rt(new Runtime(config));
  const char* env_key = std::getenv("LIFELINE_MASTER_KEY");
  auto key = crypto::LoadOrCreateMasterKey(env_key != nullptr ? env_key : "",
                                           config.MasterKeyPath().string());
  if (!key) return Fail(key.error());
  rt->cipher_ = std::make_unique<crypto::PiiCipher>(*key);
  auto db = OpenDb(config);
  if (!db) return Fail(db.error());
  rt->db_ = std::move(*db);
  if (auto migrated = storage::Migrate(*rt->db_); !migrated) return Fail(migrated.error());
  rt->store_ = std::make_unique<storage::SqlStore>(*rt->db_, *rt->cipher_, rt->digest_, rt->clock_);
  rt->auth_ = std::make_unique<AuthService>(*rt->store_, rt->hasher_, rt->random_, rt->digest_,
                                            rt->clock_, AuthSettingsOf(config.security));
  rt->users_ = std::make_unique<UserService>(*rt->store_, rt->hasher_, rt->clock_, *rt->auth_);
  rt->orgs_ = std::make_unique<OrgService>(*rt->store_, rt->clock_);
  rt->customers_ = std::make_unique<CustomerService>(*rt->store_, rt->clock_);
  rt->outages_ = std::make_unique<OutageService>(*rt->store_, rt->clock_);
  auto billing = OpenBilling(config, *rt->store_, rt->clock_);
  if (!billing) return Fail(billing.error());
  rt->billing_system_ = std::move(*billing);
  rt->billing_ = std::make_unique<BillingService>(*rt->store_, *rt->billing_system_);
  if (!config.routing.url.empty()) {
    auto osrm = routing::OsrmTravelTimes::Create(config.routing);
    if (!osrm) return Fail(osrm.error());
    rt->travel_times_ = std::move(*osrm);
  }
  const dispatch::CityPlane plane(
      {config.routing.origin_longitude, config.routing.origin_latitude});
  rt->dispatch_ = std::make_unique<dispatch::DispatchService>(*rt->store_, rt->clock_,
                                                              rt->travel_times_.get(), plane);
  rt->interactions_ = std::make_unique<InteractionService>(*rt->store_, rt->clock_);
  rt->work_orders_ = std::make_unique<WorkOrderService>(*rt->store_, rt->clock_, rt->random_);
  rt->audit_ = std::make_unique<AuditService>(*rt->store_, rt->digest_);
  rt->appointments_ =
      std::make_unique<AppointmentService>(*rt->store_, rt->clock_, *rt->work_orders_);
  rt->work_orders_->SetListener(rt->appointments_.get());
  rt->day_plans_ = std::make_unique<dispatch::DayPlanService>(
      *rt->store_, rt->clock_, *rt->work_orders_, rt->travel_times_.get());
  rt->portal_ = std::make_unique<PortalService>(*rt->store_, rt->clock_, *rt->work_orders_,
                                                *rt->interactions_, *rt->billing_system_);
  auto attachment_files = files::FileAttachmentStore::Open(config.data_dir / "attachments");
  if (!attachment_files) return Fail(attachment_files.error());
  rt->attachment_files_ = std::move(*attachment_files);
  rt->attachments_ =
      std::make_unique<AttachmentService>(*rt->store_, *rt->attachment_files_, rt->clock_);
  rt->reports_ = std::make_unique<ReportService>(*rt->store_, rt->clock_);
  rt->notifications_ = std::make_unique<NotificationService>(*rt->store_, rt->clock_);
  rt->notification_consumer_ = std::make_unique<NotificationConsumer>(
      *rt->store_, rt->clock_, rt->fields_decoder_, config.notify.settings);
  // notify.channel is "log" for now: every channel kind goes through the log channel.
  rt->message_sender_ = std::make_unique<MessageSender>(
      *rt->store_, rt->clock_,
      MessageChannels{&rt->log_channel_, &rt->log_channel_, &rt->log_channel_},
      config.notify.settings);
  return rt;
}

}  // namespace lifeline::app
