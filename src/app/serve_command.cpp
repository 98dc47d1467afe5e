// `lifeline serve` and `lifeline routes`: the server process. Wires the HTTP server, the event hub
// and (on PostgreSQL) the cross-node event listener around the runtime, serves until
// SIGINT/SIGTERM, then drains requests and closes everything in reverse order.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "adapters/events/event_hub.h"
#include "adapters/events/notification_pump.h"
#include "adapters/http/api/routes.h"
#include "adapters/http/dispatcher.h"
#include "adapters/http/metrics.h"
#include "adapters/http/server.h"
#include "adapters/http/static_files.h"
#include "adapters/http/worker_pool.h"
#include "adapters/storage/postgres/pg_db.h"
#include "app/commands.h"
#include "app/runtime.h"
#include "core/dispatch/field/demo_fleet.h"

namespace lifeline::app {

namespace {

// Runs `task` every `period` on its own thread until destroyed. Deadlines are recorded once a
// minute (docs/design/work-orders.md, "Breaches"); with several nodes each runs them, and
// optimistic versions let one win each order. The demo fleet moves every 30 s.
class Every {
 public:
  Every(std::chrono::seconds period, std::function<void()> task)
      : period_(period), task_(std::move(task)), thread_([this] { Run(); }) {}
  Every(const Every&) = delete;
  Every& operator=(const Every&) = delete;
  ~Every() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  void Run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, period_, [this] { return stop_; })) {
      lock.unlock();
      task_();
      lock.lock();
    }
  }

  std::chrono::seconds period_;
  std::function<void()> task_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

std::unique_ptr<Every> WatchDeadlines(WorkOrderService& orders) {
  return std::make_unique<Every>(std::chrono::minutes(1), [&orders] {
    auto escalated = orders.EscalateOverdue();
    if (!escalated) spdlog::warn("work-order deadlines: {}", escalated.error().message);
  });
}

std::unique_ptr<Every> MoveDemoFleet(dispatch::DemoFleet& fleet) {
  return std::make_unique<Every>(std::chrono::seconds(30), [&fleet] {
    auto moved = fleet.Step();
    if (!moved) spdlog::warn("demo fleet: {}", moved.error().message);
  });
}

void RenderPoolMetrics(storage::Db& db, std::string& out) {
  out += "# HELP lifeline_db_pool_connections Database connections by pool and state.\n";
  out += "# TYPE lifeline_db_pool_connections gauge\n";
  out += "# HELP lifeline_db_pool_waits_total Acquisitions that waited for a free connection.\n";
  out += "# TYPE lifeline_db_pool_waits_total counter\n";
  for (auto [access, name] :
       {std::pair{storage::Access::kRead, "read"}, std::pair{storage::Access::kWrite, "write"}}) {
    const storage::PoolStats s = db.Stats(access);
    out += fmt::format("lifeline_db_pool_connections{{pool=\"{}\",state=\"open\"}} {}\n", name,
                       s.size);
    out += fmt::format("lifeline_db_pool_connections{{pool=\"{}\",state=\"in_use\"}} {}\n", name,
                       s.in_use);
    out += fmt::format("lifeline_db_pool_connections{{pool=\"{}\",state=\"capacity\"}} {}\n", name,
                       s.capacity);
    out += fmt::format("lifeline_db_pool_waits_total{{pool=\"{}\"}} {}\n", name, s.waited);
    out += fmt::format("lifeline_db_pool_timeouts_total{{pool=\"{}\"}} {}\n", name, s.timeouts);
    if (db.dialect() == storage::Dialect::kPostgres) break;  // one shared pool
  }
}

void RenderEventMetrics(const events::EventHub& hub, std::string& out) {
  out += "# HELP lifeline_events_latest_id Id of the newest delivered domain event.\n";
  out += "# TYPE lifeline_events_latest_id gauge\n";
  out += fmt::format("lifeline_events_latest_id {}\n", hub.latest_id());
  out += "# HELP lifeline_events_waiting_subscribers Subscribers waiting for new events.\n";
  out += "# TYPE lifeline_events_waiting_subscribers gauge\n";
  out += fmt::format("lifeline_events_waiting_subscribers {}\n", hub.waiting());
}

http::ApiDependencies ApiDependenciesOf(Runtime& rt, events::EventHub& hub) {
  return {.store = rt.store(),
          .auth = rt.auth(),
          .users = rt.users(),
          .orgs = rt.orgs(),
          .customers = rt.customers(),
          .audit = rt.audit(),
          .events = hub,
          .outages = rt.outages(),
          .billing = rt.billing(),
          .dispatch = rt.dispatch(),
          .interactions = rt.interactions(),
          .work_orders = rt.work_orders(),
          .metrics = {},
          .appointments = rt.appointments(),
          .attachments = rt.attachments(),
          .reports = &rt.reports(),
          .notifications = rt.notifications(),
          .portal = rt.portal(),
          .day_plans = &rt.day_plans()};
}

}  // namespace

int RunRoutes(const ConfigOverrides& overrides) {
  auto config = LoadConfig(overrides);
  if (!config) {
    spdlog::error("configuration: {}", config.error().message);
    return kExitUsage;
  }
  auto runtime = Runtime::Open(*config);
  if (!runtime) {
    spdlog::error("{}", runtime.error().message);
    return kExitFailed;
  }
  events::EventHub hub((*runtime)->store());  // never started: only its routes are needed
  http::Router router;
  http::ApiDependencies deps = ApiDependenciesOf(**runtime, hub);
  http::AddApiRoutes(router, deps);
  for (const http::Route& route : router.routes()) {
    fmt::print("{} {}\n", http::MethodName(route.method), route.pattern);
  }
  return kExitOk;
}

int RunServe(const ConfigOverrides& overrides, const ServeOptions& options) {
  auto config = LoadConfig(overrides);
  if (!config) {
    spdlog::error("configuration: {}", config.error().message);
    return kExitUsage;
  }
  auto runtime = Runtime::Open(*config);
  if (!runtime) {
    spdlog::error("cannot start: {}", runtime.error().message);
    return kExitFailed;
  }
  Runtime& rt = **runtime;

  events::EventHub hub(rt.store());
  rt.store().SetOnEventsCommitted([&hub] { hub.Notify(); });
  if (auto s = hub.Start(); !s) {
    spdlog::error("cannot read the event log: {}", s.error().message);
    return kExitFailed;
  }
  std::unique_ptr<storage::PgListener> listener;
  if (config->UsesPostgres()) {
    // Other nodes' commits wake this node's subscribers.
    listener = std::make_unique<storage::PgListener>(
        config->storage.db_url, std::string(storage::kEventsChannel), [&hub] { hub.Notify(); });
  }

  http::Router router;
  http::ApiDependencies deps = ApiDependenciesOf(rt, hub);
  http::AddApiRoutes(router, deps);
  http::HttpMetrics metrics(router);
  deps.metrics = {[&metrics](std::string& out) { metrics.Render(out); },
                  [&rt](std::string& out) { RenderPoolMetrics(rt.db(), out); },
                  [&hub](std::string& out) { RenderEventMetrics(hub, out); }};
  http::StaticFiles web;
  web.Load(config->server.web_root);
  http::WorkerPool workers(config->server.worker_threads);
  RateLimiter public_limiter({.per_minute = config->server.public_requests_per_minute,
                              .burst = config->server.public_burst});
  http::Dispatcher dispatcher(router, rt.auth(), &public_limiter);
  http::HttpServer server(
      {.address = config->server.host,
       .port = config->server.port,
       .io_threads = config->server.io_threads,
       .body_limit = config->server.body_limit_bytes,
       .read_timeout = std::chrono::seconds(config->server.read_timeout_seconds),
       .idle_timeout = std::chrono::seconds(config->server.idle_timeout_seconds),
       .drain_timeout = std::chrono::seconds(config->server.drain_timeout_seconds),
       .access_log = config->server.access_log},
      {dispatcher, metrics, workers, rt.auth(), &hub, web.empty() ? nullptr : &web});
  auto port = server.Listen();
  if (!port) {
    spdlog::error("{}", port.error().message);
    return kExitFailed;
  }
  spdlog::info("Lifeline serving on http://{}:{} ({}, {} I/O threads, {} workers{})",
               config->server.host, *port, config->UsesPostgres() ? "PostgreSQL" : "SQLite",
               config->server.io_threads, config->server.worker_threads,
               web.empty() ? ", no web app built" : ", web app");
  auto deadline_watch = WatchDeadlines(rt.work_orders());
  dispatch::DemoFleet fleet(rt.store(), rt.clock());
  std::unique_ptr<Every> fleet_mover;
  if (options.simulate_fleet) {
    fleet_mover = MoveDemoFleet(fleet);
    spdlog::info("demo fleet: technicians move along their day every 30 s");
  }
  auto notifier = std::make_unique<events::NotificationPump>(
      hub, rt.notification_consumer(), rt.message_sender(),
      [](const std::string& message) { spdlog::warn("{}", message); });
  server.Run(/*handle_signals=*/true);
  notifier.reset();
  fleet_mover.reset();
  deadline_watch.reset();
  spdlog::info("shutting down: requests drained, closing the event stream and the database");
  listener.reset();
  hub.Stop();
  workers.Join();
  return kExitOk;
}

}  // namespace lifeline::app
