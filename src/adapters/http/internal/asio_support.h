// Asio helpers private to the HTTP adapter. Include only from .cpp files: this pulls in Asio.
#pragma once

#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <type_traits>
#include <utility>  // Asio in Boost 1.74 needs it before its own headers

#include "adapters/http/worker_pool.h"

namespace lifeline::http {

// Runs `work` on the worker pool and resumes the calling coroutine on its own executor (its
// strand) with the result. The I/O thread is free meanwhile.
template <class Work>
boost::asio::awaitable<std::invoke_result_t<Work>> RunOnWorker(WorkerPool& pool, Work work) {
  using ResultType = std::invoke_result_t<Work>;
  auto initiate = [&pool, work = std::move(work)](auto handler) mutable {
    auto executor = boost::asio::get_associated_executor(handler);
    // Keeps the io_context running while the work is away on the pool.
    auto guard = boost::asio::make_work_guard(executor);
    pool.Post(
        [handler = std::move(handler), work = std::move(work), guard = std::move(guard)]() mutable {
          ResultType result = work();
          auto target = guard.get_executor();
          boost::asio::post(target,
                            [handler = std::move(handler), result = std::move(result)]() mutable {
                              std::move(handler)(std::move(result));
                            });
        });
  };
  co_return co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&,
                                                 void(ResultType)>(std::move(initiate),
                                                                   boost::asio::use_awaitable);
}

}  // namespace lifeline::http
