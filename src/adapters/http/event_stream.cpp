#include "adapters/http/internal/event_stream.h"

// clang-format off
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it
// clang-format on

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <limits>

#include "adapters/http/problem.h"
#include "adapters/json/event_json.h"
#include "core/events/topic_access.h"

namespace lifeline::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {

constexpr int kBatch = 200;
using WebSocket = websocket::stream<beast::tcp_stream>;

// Owned jointly by the reader and writer coroutines of one session (both on its strand), so
// the stream outlives whichever of them finishes first.
struct SessionState {
  explicit SessionState(beast::tcp_stream stream)
      : ws(std::move(stream)), wake(ws.get_executor()) {}
  WebSocket ws;
  asio::steady_timer wake;
  bool closed = false;
};

struct Subscription {
  Principal principal;
  events::EventFilter filter;
  std::int64_t after = 0;
};

// Everything that can refuse the upgrade, checked before accepting it: the refusal is then an
// ordinary HTTP problem response the client can read.
Result<Subscription> Subscribe(const Request& request, ServerParts& parts) {
  std::string credential(BearerCredential(request));
  if (credential.empty()) credential = request.QueryParam("access_token").value_or("");
  if (credential.empty()) return Fail(Error::Unauthenticated("a token is required"));
  auto principal = parts.auth.Authenticate(credential);
  if (!principal) return Fail(principal.error());
  auto topics =
      ResolveTopics(*principal, SplitCommaList(request.QueryParam("topics").value_or("")));
  if (!topics) return Fail(topics.error());
  Subscription subscription{std::move(*principal), {std::move(*topics)}, parts.events->latest_id()};
  subscription.filter.user_id = subscription.principal.user_id;  // personal topics: only theirs
  if (auto after = request.QueryParam("after")) {
    char* end = nullptr;
    const long long value = std::strtoll(after->c_str(), &end, 10);
    if (after->empty() || *end != '\0' || value < 0) {
      return Fail(Error::Invalid("after", "after must be an event id"));
    }
    subscription.after = value;
  }
  return subscription;
}

asio::awaitable<void> ReadUntilClosed(std::shared_ptr<SessionState> state) {
  WebSocket& ws = state->ws;
  beast::flat_buffer buffer;
  beast::error_code ec;
  while (!ec) {
    // Clients have nothing to say; reading keeps pings, pongs and the close handshake going.
    co_await ws.async_read(buffer, asio::redirect_error(asio::use_awaitable, ec));
    buffer.consume(buffer.size());
  }
  state->closed = true;
  state->wake.cancel();
}

asio::awaitable<void> StreamEvents(std::shared_ptr<SessionState> state, Subscription subscription,
                                   ServerParts parts) {
  WebSocket& ws = state->ws;
  events::EventHub& hub = *parts.events;
  std::int64_t cursor = subscription.after;
  beast::error_code ec;
  while (!state->closed && !hub.stopped()) {
    auto batch = co_await RunOnWorker(
        parts.workers, [&] { return hub.Fetch(cursor, subscription.filter, kBatch); });
    if (!batch) {
      const websocket::close_reason reason(websocket::close_code::try_again_later,
                                           "events unavailable");
      co_await ws.async_close(reason, asio::redirect_error(asio::use_awaitable, ec));
      co_return;
    }
    for (const StoredEvent& event : batch->events) {
      const std::string frame = json::EventToJson(event);
      co_await ws.async_write(asio::buffer(frame), asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return;
    }
    cursor = batch->cursor;
    if (!batch->events.empty()) continue;
    state->wake.expires_at(asio::steady_timer::time_point::max());
    const std::weak_ptr<SessionState> weak = state;
    const auto executor = ws.get_executor();
    const std::uint64_t ticket = hub.WaitAfter(cursor, [weak, executor] {
      asio::post(executor, [weak] {
        if (auto alive = weak.lock()) alive->wake.cancel();
      });
    });
    co_await state->wake.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    hub.Cancel(ticket);
  }
  if (!state->closed) {
    co_await ws.async_close(websocket::close_code::going_away,
                            asio::redirect_error(asio::use_awaitable, ec));
  }
}

}  // namespace

asio::awaitable<void> ServeEventStream(beast::tcp_stream stream,
                                       beast::http::request<beast::http::string_body> upgrade,
                                       Request request, ServerParts parts) {
  beast::error_code ec;
  auto subscription =
      co_await RunOnWorker(parts.workers, [&] { return Subscribe(request, parts); });
  if (!subscription) {
    const Locale locale = PickLocale(request.Header("accept-language").value_or(""));
    Response problem = ProblemResponse(subscription.error(), locale, request.path);
    beast::http::response<beast::http::string_body> out{
        static_cast<beast::http::status>(problem.status), upgrade.version()};
    out.set(beast::http::field::content_type, problem.content_type);
    for (auto& [name, value] : problem.headers) out.set(name, value);
    out.body() = std::move(problem.body);
    out.keep_alive(false);
    out.prepare_payload();
    co_await beast::http::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
    co_return;
  }
  beast::get_lowest_layer(stream).expires_never();
  auto state = std::make_shared<SessionState>(std::move(stream));
  WebSocket& ws = state->ws;
  ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  ws.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
    response.set(beast::http::field::server, "lifeline");
  }));
  co_await ws.async_accept(upgrade, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return;
  asio::co_spawn(ws.get_executor(), ReadUntilClosed(state), asio::detached);
  co_await StreamEvents(state, std::move(*subscription), parts);
}

}  // namespace lifeline::http
