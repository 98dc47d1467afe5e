// Fuzzes the whole request path after the socket: Beast's parser, the conversion to a Request,
// routing, authentication and every handler, over a real SQLite database holding a small demo
// city. "$TOKEN" in the input becomes an administrator's session token, so the fuzzer reaches
// the authenticated handlers too. Any crash, sanitizer report or exception escaping is a bug.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "adapters/crypto/pii_cipher.h"
#include "adapters/crypto/sodium.h"
#include "adapters/events/event_hub.h"
#include "adapters/files/file_attachment_store.h"
#include "adapters/http/api/routes.h"
#include "adapters/http/dispatcher.h"
#include "adapters/http/internal/beast_message.h"
#include "adapters/storage/migrations.h"
#include "adapters/storage/sql_city_loader.h"
#include "adapters/storage/sql_store.h"
#include "adapters/storage/sqlite/sqlite_db.h"
#include "adapters/system/system_clock.h"
#include "core/billing/store_billing_system.h"
#include "core/demo/demo_city.h"

namespace {

using namespace lifeline;

struct World {
  system::SystemClock clock;
  crypto::Sha256Digest digest;
  crypto::SodiumRandom random;
  crypto::SodiumPasswordHasher hasher{crypto::PasswordCost::kMinimum};
  std::unique_ptr<crypto::PiiCipher> cipher;
  std::unique_ptr<storage::Db> db;
  std::unique_ptr<storage::SqlStore> store;
  std::unique_ptr<AuthService> auth;
  std::unique_ptr<UserService> users;
  std::unique_ptr<OrgService> orgs;
  std::unique_ptr<CustomerService> customers;
  std::unique_ptr<OutageService> outages;
  std::unique_ptr<StoreBillingSystem> billing_system;
  std::unique_ptr<BillingService> billing;
  std::unique_ptr<dispatch::DispatchService> dispatch;
  std::unique_ptr<InteractionService> interactions;
  std::unique_ptr<WorkOrderService> work_orders;
  std::unique_ptr<AuditService> audit;
  std::unique_ptr<AppointmentService> appointments;
  std::unique_ptr<files::FileAttachmentStore> attachment_files;
  std::unique_ptr<AttachmentService> attachments;
  std::unique_ptr<ReportService> reports;
  std::unique_ptr<NotificationService> notifications;
  std::unique_ptr<PortalService> portal;
  std::unique_ptr<dispatch::DayPlanService> day_plans;
  std::unique_ptr<events::EventHub> hub;
  std::unique_ptr<http::ApiDependencies> deps;
  http::Router router;
  std::unique_ptr<http::Dispatcher> dispatcher;
  std::string token;
};

World* Build() {
  auto* w = new World;  // lives for the whole fuzzing run
  (void)crypto::InitSodium();
  crypto::MasterKey key{};
  key.fill(7);
  w->cipher = std::make_unique<crypto::PiiCipher>(key);
  const std::string dir = "/tmp/lifeline-fuzz-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  w->db = std::move(*storage::OpenSqlite({.path = dir + "/lifeline.db"}));
  (void)storage::Migrate(*w->db);
  storage::SqlCityLoader loader(*w->db, *w->cipher);
  (void)demo::GenerateDemoCity({.customers = 50, .as_of = w->clock.NowMs()}, loader);
  w->store = std::make_unique<storage::SqlStore>(*w->db, *w->cipher, w->digest, w->clock);
  w->auth = std::make_unique<AuthService>(*w->store, w->hasher, w->random, w->digest, w->clock,
                                          AuthSettings{});
  w->users = std::make_unique<UserService>(*w->store, w->hasher, w->clock, *w->auth);
  w->orgs = std::make_unique<OrgService>(*w->store, w->clock);
  w->customers = std::make_unique<CustomerService>(*w->store, w->clock);
  w->audit = std::make_unique<AuditService>(*w->store, w->digest);
  w->outages = std::make_unique<OutageService>(*w->store, w->clock);
  w->billing_system = std::make_unique<StoreBillingSystem>(*w->store, w->clock);
  w->billing = std::make_unique<BillingService>(*w->store, *w->billing_system);
  w->dispatch = std::make_unique<dispatch::DispatchService>(*w->store, w->clock);
  w->interactions = std::make_unique<InteractionService>(*w->store, w->clock);
  w->work_orders = std::make_unique<WorkOrderService>(*w->store, w->clock, w->random);
  w->appointments = std::make_unique<AppointmentService>(*w->store, w->clock, *w->work_orders);
  w->work_orders->SetListener(w->appointments.get());
  w->attachment_files = std::move(*files::FileAttachmentStore::Open(dir + "/attachments"));
  w->attachments = std::make_unique<AttachmentService>(*w->store, *w->attachment_files, w->clock);
  w->reports = std::make_unique<ReportService>(*w->store, w->clock);
  w->notifications = std::make_unique<NotificationService>(*w->store, w->clock);
  w->portal = std::make_unique<PortalService>(*w->store, w->clock, *w->work_orders,
                                              *w->interactions, *w->billing_system);
  w->day_plans = std::make_unique<dispatch::DayPlanService>(*w->store, w->clock, *w->work_orders);
  w->hub = std::make_unique<events::EventHub>(*w->store);
  OrgUnit company;
  company.kind = OrgUnitKind::kCompany;
  company.code = "group";
  company.name = "集团";
  auto unit = w->orgs->Add(Principal::System(), company);
  (void)w->users->AddUser(Principal::System(),
                          {"admin", "管理员", Role::kAdmin, unit->id, "Fuzz-passw0rd"});
  w->token = w->auth->Login("admin", "Fuzz-passw0rd", "127.0.0.1")->token;
  w->deps.reset(new http::ApiDependencies{*w->store,
                                          *w->auth,
                                          *w->users,
                                          *w->orgs,
                                          *w->customers,
                                          *w->audit,
                                          *w->hub,
                                          *w->outages,
                                          *w->billing,
                                          *w->dispatch,
                                          *w->interactions,
                                          *w->work_orders,
                                          {},
                                          *w->appointments,
                                          *w->attachments,
                                          w->reports.get(),
                                          *w->notifications,
                                          *w->portal,
                                          w->day_plans.get()});
  http::AddApiRoutes(w->router, *w->deps);
  w->dispatcher = std::make_unique<http::Dispatcher>(w->router, *w->auth);
  return w;
}

World& TheWorld() {
  static World* world = Build();
  return *world;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  World& world = TheWorld();
  std::string input(reinterpret_cast<const char*>(data), size);
  for (std::size_t at = input.find("$TOKEN"); at != std::string::npos;
       at = input.find("$TOKEN", at)) {
    input.replace(at, 6, world.token);
    at += world.token.size();
  }
  boost::beast::http::request_parser<boost::beast::http::string_body> parser;
  parser.body_limit(11 << 20);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(input), ec);
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec || !parser.is_done()) return 0;
  bool well_formed = true;
  http::Request request = http::ToRequest(parser.get(), "127.0.0.1", well_formed);
  if (!well_formed) return 0;
  http::Response response = world.dispatcher->Handle(request, world.dispatcher->Match(request));
  if (response.status < 100 || response.status > 599) std::abort();
  (void)http::ToBeast(std::move(response), 11, true, request.method == http::Method::kHead);
  return 0;
}
