#include "adapters/outbound/http_get.h"

// clang-format off
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it
// clang-format on

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>

namespace lifeline::outbound {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t kMaxAnswerBytes = 16 << 20;

}  // namespace

// On a private io_context: nothing is shared with the server's I/O threads.
Result<HttpAnswer> HttpGet(const HttpEndpoint& endpoint, const std::string& target,
                           std::chrono::milliseconds timeout, const std::string& what) {
  asio::io_context ioc;
  beast::error_code ec;
  HttpAnswer answer;
  asio::co_spawn(
      ioc,
      [&]() -> asio::awaitable<void> {
        auto redirect = asio::redirect_error(asio::use_awaitable, ec);
        tcp::resolver resolver(ioc);
        beast::tcp_stream stream(ioc);
        stream.expires_after(timeout);
        const auto endpoints =
            co_await resolver.async_resolve(endpoint.host, endpoint.port, redirect);
        if (ec) co_return;
        co_await stream.async_connect(endpoints, redirect);
        if (ec) co_return;
        bhttp::request<bhttp::empty_body> request(bhttp::verb::get, target, 11);
        request.set(bhttp::field::host, endpoint.host);
        request.set(bhttp::field::accept, "application/json");
        request.set(bhttp::field::user_agent, "lifeline");
        co_await bhttp::async_write(stream, request, redirect);
        if (ec) co_return;
        beast::flat_buffer buffer;
        bhttp::response_parser<bhttp::string_body> parser;
        parser.body_limit(kMaxAnswerBytes);
        co_await bhttp::async_read(stream, buffer, parser, redirect);
        if (ec) co_return;
        answer.status = static_cast<int>(parser.get().result_int());
        answer.body = std::move(parser.get().body());
        stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        ec = {};
      },
      asio::detached);
  ioc.run();
  if (ec == beast::error::timeout) {
    return Fail(Error::Unavailable(what + " unavailable: no answer within the timeout"));
  }
  if (ec) return Fail(Error::Unavailable(what + " unavailable: " + ec.message()));
  return answer;
}

Result<std::pair<HttpEndpoint, std::string>> ParseHttpUrl(const std::string& url,
                                                          const std::string& key) {
  constexpr std::string_view kScheme = "http://";
  if (!url.starts_with(kScheme)) {
    return Fail(Error::Invalid(key, key + " must start with http://"));
  }
  const std::string rest = url.substr(kScheme.size());
  const auto slash = rest.find('/');
  const std::string authority = rest.substr(0, slash);
  const auto colon = authority.rfind(':');
  HttpEndpoint endpoint{authority.substr(0, colon),
                        colon == std::string::npos ? "80" : authority.substr(colon + 1)};
  if (endpoint.host.empty() || endpoint.port.empty()) {
    return Fail(Error::Invalid(key, key + " has an empty host or port"));
  }
  return std::pair{std::move(endpoint), slash == std::string::npos ? "/" : rest.substr(slash)};
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

}  // namespace lifeline::outbound
