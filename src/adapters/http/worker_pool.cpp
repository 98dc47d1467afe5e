#include "adapters/http/worker_pool.h"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <utility>

namespace lifeline::http {

struct WorkerPool::Impl {
  explicit Impl(int threads) : pool(static_cast<std::size_t>(threads)) {}
  boost::asio::thread_pool pool;
};

WorkerPool::WorkerPool(int threads) : impl_(std::make_unique<Impl>(threads)) {}

WorkerPool::~WorkerPool() {
  Join();
}

void WorkerPool::Post(std::move_only_function<void()> work) {
  boost::asio::post(impl_->pool, std::move(work));
}

void WorkerPool::Join() {
  impl_->pool.join();
}

}  // namespace lifeline::http
