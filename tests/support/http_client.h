// A small blocking HTTP and WebSocket client for the integration tests, over loopback only.
// Every call has a timeout, so a broken server fails a test instead of hanging it.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lifeline::testing {

struct HttpReply {
  int status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lowercase

  nlohmann::json Json() const;
  std::string Header(std::string_view lowercase_name) const;
};

class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port) : port_(port) {}

  HttpReply Get(const std::string& target, const std::string& token = "") const;
  HttpReply Post(const std::string& target, const std::string& body,
                 const std::string& token = "") const;
  HttpReply Delete(const std::string& target, const std::string& token = "") const;
  HttpReply Send(const std::string& method, const std::string& target, const std::string& body,
                 const std::vector<std::pair<std::string, std::string>>& headers) const;
  // Writes raw bytes and returns whatever comes back before the server closes (or 5 s pass).
  std::string Raw(const std::string& bytes) const;

  // Logs in and returns the token; fails the test when it cannot.
  std::string Login(const std::string& username, const std::string& password) const;

 private:
  std::uint16_t port_;
};

class WebSocketClient {
 public:
  WebSocketClient();
  ~WebSocketClient();
  WebSocketClient(const WebSocketClient&) = delete;
  WebSocketClient& operator=(const WebSocketClient&) = delete;

  // Performs the upgrade; returns the HTTP status of a refused upgrade, or 101.
  int Connect(std::uint16_t port, const std::string& target);
  // The next text frame, or nullopt after `timeout` or when the server closed.
  std::optional<std::string> Read(std::chrono::milliseconds timeout);
  void Close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lifeline::testing
