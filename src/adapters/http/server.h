// The HTTP and WebSocket server (Boost.Beast on C++20 coroutines): one io_context run by one
// thread per core, each connection on its own strand, handlers on the worker pool. Keeps Beast
// out of every other header.
//
// Shutdown (SIGINT/SIGTERM or Shutdown()): stop accepting, let in-flight requests finish for up
// to `drain_timeout`, then close connections and return from Run.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "adapters/events/event_hub.h"
#include "adapters/http/dispatcher.h"
#include "adapters/http/metrics.h"
#include "adapters/http/static_files.h"
#include "adapters/http/worker_pool.h"
#include "core/common/error.h"

namespace lifeline::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  int io_threads = 2;
  std::size_t body_limit = 1 << 20;     // 1 MiB; uploads have their own routes and limits
  std::size_t header_limit = 16 << 10;  // 16 KiB
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds drain_timeout{10};
  bool access_log = true;
};

// What the server needs from the rest of the process.
struct ServerParts {
  Dispatcher& dispatcher;
  HttpMetrics& metrics;
  WorkerPool& workers;
  AuthService& auth;
  events::EventHub* events = nullptr;         // null: no /api/v1/events WebSocket
  const StaticFiles* static_files = nullptr;  // null: no web app
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, ServerParts parts);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens; returns the port (useful with port 0).
  [[nodiscard]] Result<std::uint16_t> Listen();
  // Serves until Shutdown() or, with `handle_signals`, until SIGINT/SIGTERM. Blocks.
  void Run(bool handle_signals);
  // Thread-safe; returns at once, Run() returns once draining is over.
  void Shutdown();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lifeline::http
