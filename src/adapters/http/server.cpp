#include "adapters/http/server.h"

// clang-format off
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it
// clang-format on

#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <optional>
#include <thread>
#include <vector>

#include "adapters/http/internal/asio_support.h"
#include "adapters/http/internal/beast_message.h"
#include "adapters/http/internal/event_stream.h"
#include "adapters/http/problem.h"

namespace lifeline::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::string_view kEventsPath = "/api/v1/events";
constexpr auto kDrainPoll = std::chrono::milliseconds(10);

// A response for a request that could not even be parsed.
Response TooLarge();

Response ParseFailure(const beast::error_code& ec) {
  if (ec == bhttp::error::body_limit) return TooLarge();
  const int status = ec == bhttp::error::header_limit ? 431 : 400;
  return ProblemResponse(Error::Invalid("", "malformed HTTP request: " + ec.message()),
                         Locale::kZhCn, {}, status);
}

Response TooLarge() {
  return ProblemResponse({ErrorCode::kTooLarge, "request body too large", ""}, Locale::kZhCn);
}

}  // namespace

struct HttpServer::Impl {
  Impl(ServerOptions opts, ServerParts p)
      : options(std::move(opts)), parts(p), ioc(options.io_threads), acceptor(ioc) {
    if (options.access_log) {
      // Its own queue and thread: writing the log never blocks an I/O thread.
      log_pool = std::make_shared<spdlog::details::thread_pool>(8192, 1);
      access = std::make_shared<spdlog::async_logger>(
          "access", std::make_shared<spdlog::sinks::stdout_sink_mt>(), log_pool,
          spdlog::async_overflow_policy::overrun_oldest);
      access->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %v");
    }
  }

  asio::awaitable<void> AcceptLoop();
  asio::awaitable<void> Serve(tcp::socket socket);
  // The response and the index of the route that produced it (-1: none).
  asio::awaitable<std::pair<Response, int>> Respond(const Request& request);
  // Reads the headers, then the body under the route's own limit. False when the connection
  // is done (closed, timed out, or answered with an error and closed).
  asio::awaitable<bool> ReadRequest(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                    bhttp::request_parser<bhttp::string_body>& parser, bool first);
  asio::awaitable<void> Drain();
  void StartDrain();
  void LogAccess(const Request& request, int status, std::size_t bytes,
                 std::chrono::nanoseconds elapsed);

  ServerOptions options;
  ServerParts parts;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  std::atomic<bool> draining{false};
  std::atomic<int> active{0};  // requests read and not yet fully answered
  std::shared_ptr<spdlog::details::thread_pool> log_pool;
  std::shared_ptr<spdlog::logger> access;
};

void HttpServer::Impl::LogAccess(const Request& request, int status, std::size_t bytes,
                                 std::chrono::nanoseconds elapsed) {
  if (!access) return;
  // The path only: query strings may carry search terms with personal data.
  access->info("{} {} {} {} {}B {:.3f}ms", request.remote_address, MethodName(request.method),
               request.path, status, bytes,
               std::chrono::duration<double, std::milli>(elapsed).count());
}

asio::awaitable<std::pair<Response, int>> HttpServer::Impl::Respond(const Request& request) {
  if (draining) {
    co_return std::pair{
        ProblemResponse(Error::Unavailable("server is shutting down"), Locale::kZhCn), -1};
  }
  if (parts.static_files != nullptr && request.method == Method::kGet &&
      !request.path.starts_with("/api/") && request.path != "/healthz" &&
      request.path != "/readyz" && request.path != "/metrics") {
    if (auto file = parts.static_files->Serve(request.path))
      co_return std::pair{std::move(*file), -1};
  }
  RouteMatch match = parts.dispatcher.Match(request);
  const int index = match.route != nullptr ? match.route->index : -1;
  // GCC 12 miscompiles co_await inside larger expressions (conditionals, braced
  // initialisers): every co_await in this file stands alone in its statement.
  Response response;
  if (match.route != nullptr && match.route->execution == RouteExecution::kWorker) {
    response = co_await RunOnWorker(parts.workers,
                                    [&] { return parts.dispatcher.Handle(request, match); });
  } else {
    response = parts.dispatcher.Handle(request, match);
  }
  co_return std::pair{std::move(response), index};
}

namespace {

// Closing a socket with unread input makes the kernel send a reset, which can destroy the
// error response before the client reads it (a client still uploading a body that is too large
// sees "connection reset" instead of 413). So: stop sending, then read and discard what the
// client is still sending, for a bounded time and amount, before closing.
asio::awaitable<void> LingeringClose(beast::tcp_stream& stream) {
  constexpr std::size_t kMaxDiscardBytes = 16 << 20;
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.expires_after(std::chrono::seconds(2));
  std::array<char, 16384> sink;
  std::size_t discarded = 0;
  while (!ec && discarded < kMaxDiscardBytes) {
    discarded += co_await stream.async_read_some(asio::buffer(sink),
                                                 asio::redirect_error(asio::use_awaitable, ec));
  }
}

bool ConnectionOver(const beast::error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
         ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
         ec == asio::error::eof;
}

}  // namespace

asio::awaitable<bool> HttpServer::Impl::ReadRequest(
    beast::tcp_stream& stream, beast::flat_buffer& buffer,
    bhttp::request_parser<bhttp::string_body>& parser, bool first) {
  beast::error_code ec;
  // The headers under the largest limit any route has; the route's own limit follows.
  parser.body_limit(std::max(options.body_limit, parts.dispatcher.router().LargestBodyLimit()));
  parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
  stream.expires_after(first ? options.read_timeout : options.idle_timeout);
  co_await bhttp::async_read_header(stream, buffer, parser,
                                    asio::redirect_error(asio::use_awaitable, ec));
  std::optional<Response> refused;
  if (!ec) {
    std::string path;
    std::string query;
    const auto& header = parser.get();
    const std::size_t limit =
        SplitTarget(std::string_view(header.target()), path, query)
            ? parts.dispatcher.router().BodyLimit(
                  ParseMethod(std::string_view(header.method_string())), path, options.body_limit)
            : options.body_limit;
    if (parser.content_length() && *parser.content_length() > limit) {
      refused = TooLarge();  // said so up front: answer without reading a byte of it
    } else {
      parser.body_limit(limit);  // chunked bodies are counted as they come
      if (beast::iequals(header[bhttp::field::expect], "100-continue") && !parser.is_done()) {
        bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, header.version()};
        co_await bhttp::async_write(stream, go_on, asio::redirect_error(asio::use_awaitable, ec));
      }
      stream.expires_after(options.read_timeout);
      if (!ec && !parser.is_done()) {
        co_await bhttp::async_read(stream, buffer, parser,
                                   asio::redirect_error(asio::use_awaitable, ec));
      }
    }
  }
  if (!refused && ConnectionOver(ec)) co_return false;
  if (!refused && !ec) co_return true;
  // Malformed or oversized: answer once, then close, since the stream cannot be trusted.
  if (!refused) refused = ParseFailure(ec);
  BeastResponse response = ToBeast(std::move(*refused), 11, false, false);
  co_await bhttp::async_write(stream, response, asio::redirect_error(asio::use_awaitable, ec));
  co_await LingeringClose(stream);
  co_return false;
}

asio::awaitable<void> HttpServer::Impl::Serve(tcp::socket socket) {
  beast::error_code ec;
  const tcp::endpoint peer = socket.remote_endpoint(ec);
  const std::string remote = ec ? "unknown" : peer.address().to_string();
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  bool first = true;
  for (;;) {
    bhttp::request_parser<bhttp::string_body> parser;
    const bool read = co_await ReadRequest(stream, buffer, parser, first);
    first = false;
    if (!read) break;
    const auto started = std::chrono::steady_clock::now();
    bool well_formed = true;
    Request request = ToRequest(parser.get(), remote, well_formed);
    if (well_formed && request.path == kEventsPath && beast::websocket::is_upgrade(parser.get()) &&
        parts.events != nullptr) {
      co_await ServeEventStream(std::move(stream), parser.release(), std::move(request), parts);
      co_return;
    }
    parts.metrics.Started();
    ++active;
    std::pair<Response, int> responded{
        ProblemResponse(Error::Invalid("", "malformed request target"), Locale::kZhCn), -1};
    if (well_formed) responded = co_await Respond(request);
    auto& [response, route_index] = responded;
    const int status = response.status;
    const bool keep_alive = parser.get().keep_alive() && !draining && well_formed;
    BeastResponse out = ToBeast(std::move(response), parser.get().version(), keep_alive,
                                request.method == Method::kHead);
    const std::size_t bytes = out.body().size();
    // Counted when the response is ready, so a client that reads /metrics right after its
    // response sees its request; `active` keeps counting until the bytes are out, for drain.
    const auto elapsed = std::chrono::steady_clock::now() - started;
    parts.metrics.Record(route_index, status, elapsed);
    parts.metrics.Finished();
    stream.expires_after(options.read_timeout);
    co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
    --active;
    LogAccess(request, status, bytes, elapsed);
    if (ec || !keep_alive) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> HttpServer::Impl::AcceptLoop() {
  for (;;) {
    beast::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(
        asio::make_strand(ioc), asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) continue;  // e.g. too many open files: keep serving the connections we have
    asio::co_spawn(socket.get_executor(), Serve(std::move(socket)), [](std::exception_ptr e) {
      if (!e) return;
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& error) {
        spdlog::error("connection failed: {}", error.what());
      }
    });
  }
}

asio::awaitable<void> HttpServer::Impl::Drain() {
  beast::error_code ec;
  acceptor.close(ec);
  asio::steady_timer timer(ioc);
  const auto deadline = std::chrono::steady_clock::now() + options.drain_timeout;
  while (active > 0 && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(kDrainPoll);
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  ioc.stop();  // closes idle keep-alive connections and event streams
}

void HttpServer::Impl::StartDrain() {
  if (draining.exchange(true)) return;
  asio::co_spawn(ioc, Drain(), asio::detached);
}

HttpServer::HttpServer(ServerOptions options, ServerParts parts)
    : impl_(std::make_unique<Impl>(std::move(options), parts)) {}

HttpServer::~HttpServer() = default;

Result<std::uint16_t> HttpServer::Listen() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) return Fail(Error::Invalid("listen", "not an IP address: " + impl_->options.address));
  const tcp::endpoint endpoint(address, impl_->options.port);
  tcp::acceptor& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Fail(Error::Unavailable("cannot listen on " + impl_->options.address + ":" +
                                   std::to_string(impl_->options.port) + ": " + ec.message()));
  }
  return acceptor.local_endpoint().port();
}

void HttpServer::Run(bool handle_signals) {
  asio::signal_set signals(impl_->ioc);
  if (handle_signals) {
    signals.add(SIGINT);
    signals.add(SIGTERM);
    signals.async_wait([this](const beast::error_code& ec, int) {
      if (!ec) impl_->StartDrain();
    });
  }
  asio::co_spawn(impl_->acceptor.get_executor(), impl_->AcceptLoop(), asio::detached);
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.io_threads; ++i) {
    threads.emplace_back([this] { impl_->ioc.run(); });
  }
  impl_->ioc.run();
  for (std::thread& thread : threads) thread.join();
  if (impl_->access) impl_->access->flush();
}

void HttpServer::Shutdown() {
  asio::post(impl_->ioc, [this] { impl_->StartDrain(); });
}

}  // namespace lifeline::http
