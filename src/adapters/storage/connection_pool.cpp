#include "adapters/storage/connection_pool.h"

namespace lifeline::storage {

PooledConnection::~PooledConnection() {
  if (pool_ != nullptr && connection_) pool_->Release(std::move(connection_));
}

Result<PooledConnection> ConnectionPool::Acquire() {
  std::unique_lock lock(mutex_);
  ++acquired_;
  if (idle_.empty() && open_ >= capacity_) {
    ++waited_;
    if (!available_.wait_for(lock, wait_timeout_,
                             [&] { return !idle_.empty() || open_ < capacity_; })) {
      ++timeouts_;
      return Fail(Error::Unavailable("all database connections are busy"));
    }
  }
  if (!idle_.empty()) {
    std::unique_ptr<Connection> connection = std::move(idle_.back());
    idle_.pop_back();
    ++in_use_;
    return PooledConnection(this, std::move(connection));
  }
  ++open_;  // reserve the slot before opening outside the lock
  lock.unlock();
  auto opened = factory_();
  lock.lock();
  if (!opened) {
    --open_;
    available_.notify_one();
    return Fail(opened.error());
  }
  ++in_use_;
  return PooledConnection(this, std::move(*opened));
}

void ConnectionPool::Release(std::unique_ptr<Connection> connection) {
  // A borrower unwound by an exception hands its connection back inside its transaction: end
  // it here, so that nobody else's work joins it (a no-op otherwise).
  if (connection->healthy() && !connection->Rollback()) connection.reset();
  {
    std::lock_guard lock(mutex_);
    --in_use_;
    if (connection && connection->healthy()) {
      idle_.push_back(std::move(connection));
    } else {
      --open_;
    }
  }
  available_.notify_one();
}

PoolStats ConnectionPool::Stats() const {
  std::lock_guard lock(mutex_);
  return {open_, capacity_, in_use_, acquired_, waited_, timeouts_};
}

void ConnectionPool::CloseIdle() {
  std::lock_guard lock(mutex_);
  open_ -= static_cast<int>(idle_.size());
  idle_.clear();
}

}  // namespace lifeline::storage
