// A bounded pool of database connections. Connections are opened lazily up to the capacity;
// a borrower waits (up to a timeout) when all are in use. Broken connections are dropped on
// return and replaced by the next borrower.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "adapters/storage/db.h"

namespace lifeline::storage {

class ConnectionPool {
 public:
  using Factory = std::function<Result<std::unique_ptr<Connection>>()>;

  ConnectionPool(Factory factory, int capacity, std::chrono::milliseconds wait_timeout)
      : factory_(std::move(factory)), capacity_(capacity), wait_timeout_(wait_timeout) {}

  [[nodiscard]] Result<PooledConnection> Acquire();
  void Release(std::unique_ptr<Connection> connection);
  PoolStats Stats() const;
  // Closes idle connections (at shutdown, once nothing is borrowed).
  void CloseIdle();

 private:
  Factory factory_;
  const int capacity_;
  const std::chrono::milliseconds wait_timeout_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;
  int in_use_ = 0;
  std::int64_t acquired_ = 0;
  std::int64_t waited_ = 0;
  std::int64_t timeouts_ = 0;
};

}  // namespace lifeline::storage
