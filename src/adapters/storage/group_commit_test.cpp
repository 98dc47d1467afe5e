// The group-commit queue on its own: who leads, what a batch holds, and what a write that
// cannot be served gets. The SQL side (savepoints, a failing write among others) is in
// tests/contract/sequencing_contract_test.cpp, on both backends.
#include "adapters/storage/group_commit.h"

#include <gmock/gmock.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

namespace lifeline::storage {
namespace {

using namespace std::chrono_literals;

const auto Nothing = [](StoreSession&) -> Status { return Ok(); };

// Records the size of every batch it is given.
struct Recorder {
  std::mutex mutex;
  std::vector<std::size_t> sizes;

  void Record(std::span<GroupCommit::Entry* const> batch) {
    std::lock_guard lock(mutex);
    sizes.push_back(batch.size());
  }
};

void WaitUntil(const std::function<bool()>& condition) {
  for (int i = 0; i < 500 && !condition(); ++i) std::this_thread::sleep_for(2ms);
  ASSERT_TRUE(condition());
}

TEST(GroupCommit, AWriteAloneIsABatchOfOne) {
  Recorder recorder;
  GroupCommit group([&](auto batch) { recorder.Record(batch); }, 32, 1s);
  GroupCommit::Entry entry(Nothing);
  EXPECT_TRUE(group.Submit(entry).has_value());
  EXPECT_THAT(recorder.sizes, ::testing::ElementsAre(1u));
}

TEST(GroupCommit, WritesThatArriveWhileABatchRunsShareTheNextAndKeepTheirOwnOutcome) {
  Recorder recorder;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> first{true};
  GroupCommit* group_ptr = nullptr;
  GroupCommit group(
      [&](std::span<GroupCommit::Entry* const> batch) {
        recorder.Record(batch);
        if (first.exchange(false)) released.wait();  // hold the first batch
        // Every other write fails, on its own.
        for (std::size_t i = 0; i < batch.size(); ++i) {
          batch[i]->status =
              i % 2 == 0 ? Ok() : Fail(Error::Conflict("write " + std::to_string(i)));
        }
      },
      32, 5s);
  group_ptr = &group;
  auto leader = std::async(std::launch::async, [&] {
    GroupCommit::Entry entry(Nothing);
    return group_ptr->Submit(entry);
  });
  WaitUntil([&] { return !first.load(); });
  std::vector<std::future<Status>> followers;
  for (int i = 0; i < 4; ++i) {
    followers.push_back(std::async(std::launch::async, [&] {
      GroupCommit::Entry entry(Nothing);
      return group_ptr->Submit(entry);
    }));
  }
  WaitUntil([&] { return group.Queued() == 4; });
  release.set_value();
  EXPECT_TRUE(leader.get().has_value());
  int failed = 0;
  for (auto& follower : followers) failed += follower.get().has_value() ? 0 : 1;
  EXPECT_EQ(failed, 2) << "each write gets its own outcome";
  EXPECT_THAT(recorder.sizes, ::testing::ElementsAre(1u, 4u));
}

TEST(GroupCommit, ABatchHoldsAtMostTheLimit) {
  Recorder recorder;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> first{true};
  GroupCommit group(
      [&](auto batch) {
        recorder.Record(batch);
        if (first.exchange(false)) released.wait();
      },
      3, 5s);
  auto submit = [&] {
    return std::async(std::launch::async, [&] {
      GroupCommit::Entry entry(Nothing);
      return group.Submit(entry);
    });
  };
  auto leader = submit();
  WaitUntil([&] { return !first.load(); });
  std::vector<std::future<Status>> followers;
  for (int i = 0; i < 5; ++i) followers.push_back(submit());
  WaitUntil([&] { return group.Queued() == 5; });
  release.set_value();
  leader.get();
  for (auto& follower : followers) EXPECT_TRUE(follower.get().has_value());
  EXPECT_THAT(recorder.sizes, ::testing::ElementsAre(1u, 3u, 2u));
}

TEST(GroupCommit, AWriteNoBatchTakesInTimeGivesUpWithUnavailable) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> first{true};
  GroupCommit group(
      [&](auto) {
        if (first.exchange(false)) released.wait();
      },
      32, 50ms);
  auto leader = std::async(std::launch::async, [&] {
    GroupCommit::Entry entry(Nothing);
    return group.Submit(entry);
  });
  WaitUntil([&] { return !first.load(); });
  GroupCommit::Entry late(Nothing);
  Status waited = group.Submit(late);
  ASSERT_FALSE(waited.has_value());
  EXPECT_EQ(waited.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(group.Queued(), 0u) << "the write that gave up left the queue";
  release.set_value();
  EXPECT_TRUE(leader.get().has_value());
}

TEST(GroupCommit, AWriteStartedInsideABatchIsRefusedInsteadOfWaitingForItself) {
  GroupCommit* group_ptr = nullptr;
  Status nested;
  GroupCommit group(
      [&](auto) {
        GroupCommit::Entry inner(Nothing);
        nested = group_ptr->Submit(inner);
      },
      32, 1s);
  group_ptr = &group;
  GroupCommit::Entry outer(Nothing);
  EXPECT_TRUE(group.Submit(outer).has_value());
  ASSERT_FALSE(nested.has_value());
  EXPECT_EQ(nested.error().code, ErrorCode::kInternal);
}

TEST(GroupCommit, WhatAWriteThrewIsRethrownToItsOwnCaller) {
  GroupCommit group(
      [&](std::span<GroupCommit::Entry* const> batch) {
        for (GroupCommit::Entry* entry : batch) {
          entry->thrown = std::make_exception_ptr(std::runtime_error("boom"));
        }
      },
      32, 1s);
  GroupCommit::Entry entry(Nothing);
  EXPECT_THROW((void)group.Submit(entry), std::runtime_error);
  GroupCommit::Entry next(Nothing);
  EXPECT_THROW((void)group.Submit(next), std::runtime_error) << "the queue still serves";
}

}  // namespace
}  // namespace lifeline::storage
