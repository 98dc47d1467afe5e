#include "tests/support/http_client.h"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <utility>

namespace lifeline::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kTimeout = std::chrono::seconds(30);

tcp::endpoint Loopback(std::uint16_t port) {
  return {asio::ip::make_address("127.0.0.1"), port};
}

}  // namespace

nlohmann::json HttpReply::Json() const {
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded()) ADD_FAILURE() << "not JSON (" << status << "): " << body;
  return parsed;
}

std::string HttpReply::Header(std::string_view lowercase_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lowercase_name) return value;
  }
  return {};
}

HttpReply HttpClient::Send(const std::string& method, const std::string& target,
                           const std::string& body,
                           const std::vector<std::pair<std::string, std::string>>& headers) const {
  asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.expires_after(kTimeout);
  beast::error_code ec;
  stream.connect(Loopback(port_), ec);
  if (ec) {
    ADD_FAILURE() << "connect: " << ec.message();
    return {};
  }
  bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(method), target, 11};
  request.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty() && request.find(bhttp::field::content_type) == request.end()) {
    request.set(bhttp::field::content_type, "application/json");
  }
  request.body() = body;
  request.prepare_payload();
  bhttp::write(stream, request, ec);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 << 20);
  parser.skip(method == "HEAD");
  if (!ec) bhttp::read(stream, buffer, parser, ec);
  if (ec) {
    ADD_FAILURE() << method << " " << target << ": " << ec.message();
    return {};
  }
  HttpReply reply;
  reply.status = static_cast<int>(parser.get().result_int());
  reply.body = parser.get().body();
  for (const auto& field : parser.get()) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  return reply;
}

HttpReply HttpClient::Get(const std::string& target, const std::string& token) const {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  return Send("GET", target, "", headers);
}

HttpReply HttpClient::Post(const std::string& target, const std::string& body,
                           const std::string& token) const {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  return Send("POST", target, body, headers);
}

HttpReply HttpClient::Delete(const std::string& target, const std::string& token) const {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  return Send("DELETE", target, "", headers);
}

std::string HttpClient::Raw(const std::string& bytes) const {
  asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.expires_after(std::chrono::seconds(5));
  beast::error_code ec;
  stream.connect(Loopback(port_), ec);
  if (ec) return {};
  asio::write(stream, asio::buffer(bytes), ec);
  std::string out;
  char chunk[4096];
  while (!ec) {
    const std::size_t n = stream.read_some(asio::buffer(chunk), ec);
    out.append(chunk, n);
  }
  return out;
}

std::string HttpClient::Login(const std::string& username, const std::string& password) const {
  const nlohmann::json body{{"username", username}, {"password", password}};
  HttpReply reply = Post("/api/v1/auth/login", body.dump());
  EXPECT_EQ(reply.status, 200) << reply.body;
  if (reply.status != 200) return {};
  return reply.Json().value("token", "");
}

struct WebSocketClient::Impl {
  asio::io_context ioc;
  beast::websocket::stream<beast::tcp_stream> ws{ioc};
  bool open = false;
};

WebSocketClient::WebSocketClient() : impl_(std::make_unique<Impl>()) {}
WebSocketClient::~WebSocketClient() {
  Close();
}

int WebSocketClient::Connect(std::uint16_t port, const std::string& target) {
  beast::error_code ec;
  beast::get_lowest_layer(impl_->ws).expires_after(kTimeout);
  beast::get_lowest_layer(impl_->ws).connect(Loopback(port), ec);
  if (ec) return 0;
  impl_->ws.handshake("127.0.0.1", target, ec);
  if (!ec) {
    impl_->open = true;
    return 101;
  }
  // Beast 1.74 does not hand back the refusal, so ask again as plain HTTP to learn its status.
  const HttpReply refusal =
      HttpClient(port).Send("GET", target, "",
                            {{"Connection", "Upgrade"},
                             {"Upgrade", "websocket"},
                             {"Sec-WebSocket-Version", "13"},
                             {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="}});
  return refusal.status;
}

std::optional<std::string> WebSocketClient::Read(std::chrono::milliseconds timeout) {
  if (!impl_->open) return std::nullopt;
  beast::flat_buffer buffer;
  beast::error_code result = asio::error::would_block;
  bool done = false;
  impl_->ws.async_read(buffer, [&](beast::error_code ec, std::size_t) {
    result = ec;
    done = true;
  });
  impl_->ioc.restart();
  impl_->ioc.run_for(timeout);
  if (!done) {
    // Timed out: abandon the read by closing the socket; the stream is unusable afterwards.
    beast::get_lowest_layer(impl_->ws).cancel();
    impl_->ioc.restart();
    impl_->ioc.run();
    impl_->open = false;
    return std::nullopt;
  }
  if (result) {
    impl_->open = false;
    return std::nullopt;
  }
  return beast::buffers_to_string(buffer.data());
}

void WebSocketClient::Close() {
  if (!impl_->open) return;
  beast::error_code ec;
  beast::get_lowest_layer(impl_->ws).expires_after(std::chrono::seconds(5));
  impl_->ws.close(beast::websocket::close_code::normal, ec);
  impl_->open = false;
}

}  // namespace lifeline::testing
