// A small HTTP server on 127.0.0.1 for adapter tests: answers every request with the status,
// body and delay set last, one request at a time, and remembers the last request line. Stops
// with the test.
#pragma once

// clang-format off
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it
// clang-format on

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>

namespace lifeline::testing {

// Answers every request with the current status, body and delay; counts the requests and
// remembers the last request line.
class FakeHttpServer {
 public:
  FakeHttpServer()
      : acceptor_(ioc_,
                  boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)) {
    thread_ = std::thread([this] { Run(); });
  }
  ~FakeHttpServer() {
    stopping_ = true;
    boost::system::error_code ec;
    boost::asio::ip::tcp::socket poke(ioc_);
    poke.connect(acceptor_.local_endpoint(), ec);  // wakes the blocking accept
    thread_.join();
  }
  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  void Answer(int status, std::string body, std::chrono::milliseconds delay = {}) {
    std::lock_guard lock(mutex_);
    status_ = status;
    body_ = std::move(body);
    delay_ = delay;
  }
  int requests() const { return requests_; }
  // Waits (bounded) until every request received has been answered.
  void WaitIdle() {
    for (int i = 0; i < 200 && answered_ < requests_; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  std::string last_request_line() {
    std::lock_guard lock(mutex_);
    return last_line_;
  }

 private:
  void Run() {
    while (!stopping_) {
      boost::system::error_code ec;
      boost::asio::ip::tcp::socket socket(ioc_);
      acceptor_.accept(socket, ec);
      if (ec || stopping_) continue;
      Serve(socket);
    }
  }
  void Serve(boost::asio::ip::tcp::socket& socket) {
    boost::system::error_code ec;
    boost::asio::streambuf request;
    boost::asio::read_until(socket, request, "\r\n\r\n", ec);
    if (ec) return;
    ++requests_;
    std::string line(boost::asio::buffers_begin(request.data()),
                     boost::asio::buffers_end(request.data()));
    int status;
    std::string body;
    std::chrono::milliseconds delay;
    {
      std::lock_guard lock(mutex_);
      last_line_ = line.substr(0, line.find("\r\n"));
      status = status_;
      body = body_;
      delay = delay_;
    }
    std::this_thread::sleep_for(delay);
    const std::string response =
        "HTTP/1.1 " + std::to_string(status) +
        " X\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\nConnection: close\r\n\r\n" + body;
    boost::asio::write(socket, boost::asio::buffer(response), ec);
    socket.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
    ++answered_;
  }

  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> requests_{0};
  std::atomic<int> answered_{0};
  std::mutex mutex_;
  int status_ = 200;
  std::string body_ = "{}";
  std::chrono::milliseconds delay_{0};
  std::string last_line_;
};

}  // namespace lifeline::testing
