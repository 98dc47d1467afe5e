// The pool of threads that run blocking work (database, password hashing) so the I/O threads
// never wait on it.
#pragma once

#include <functional>
#include <memory>

namespace lifeline::http {

class WorkerPool {
 public:
  explicit WorkerPool(int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void Post(std::move_only_function<void()> work);
  // Waits for queued work to finish and stops the threads.
  void Join();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lifeline::http
