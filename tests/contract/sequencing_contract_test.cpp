// ADR 0002 on both backends: the outbox and the audit chain as consumers read them. Writers
// that commit concurrently never make a tailer skip an event (no id appears below a cursor
// already handed out), the audit chain stays gap-free and linked, a rolled-back write leaves
// nothing, and on PostgreSQL what a crashed writer left staged is sequenced by the next write.
#include <gmock/gmock.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>

#include "core/identity/auth_service.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

constexpr int kWriters = 4;
constexpr int kWritesEach = 40;

class SequencingContract : public BackendTest {
 protected:
  // One audit record and the event test.first about `subject`.
  Status AuditAndAnnounce(StoreSession& session, const std::string& subject, int n) {
    if (auto s = session.Audit().Append(ActorOf(Principal::System()),
                                        {"test.write", "test", subject, {}, {{"n", n}}},
                                        services.clock.NowMs());
        !s) {
      return s;
    }
    session.Events().Emit({"test", "test.first", subject, {{"n", n}}});
    return Ok();
  }

  // One unit of work that audits and emits two events, as creating a work order does.
  Status AuditedWrite(int writer, int n, bool commit = true) {
    return services.store.Write([&](StoreSession& session) -> Status {
      const std::string subject = "test/" + std::to_string(writer) + "-" + std::to_string(n);
      if (auto s = AuditAndAnnounce(session, subject, n); !s) return s;
      session.Events().Emit({"test", "test.second", subject, {{"n", n}}});
      if (!commit) return Fail(Error::Conflict("changed my mind"));
      return Ok();
    });
  }

  std::vector<StoredEvent> ReadAfter(std::int64_t cursor) {
    std::vector<StoredEvent> events;
    Status read = services.store.Read([&](StoreSession& session) -> Status {
      auto found = session.Events().ReadAfter(cursor, {}, 500);
      if (!found) return Fail(found.error());
      events = std::move(*found);
      return Ok();
    });
    EXPECT_TRUE(read.has_value()) << read.error().message;
    return events;
  }

  std::vector<std::int64_t> AllEventIds() {
    std::vector<std::int64_t> ids;
    for (std::int64_t cursor = 0;;) {
      const auto page = ReadAfter(cursor);
      if (page.empty()) return ids;
      for (const StoredEvent& e : page) ids.push_back(e.id);
      cursor = page.back().id;
    }
  }
};

TEST_P(SequencingContract, ConcurrentWritersNeverMakeATailerSkipAnEventAndTheChainHolds) {
  std::atomic<int> running{kWriters};
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int n = 0; n < kWritesEach; ++n) {
        if (!AuditedWrite(w, n)) ++failures;
      }
      --running;
    });
  }
  // The tailer moves its cursor past everything it reads, as a subscriber does.
  std::vector<std::int64_t> seen;
  std::int64_t cursor = 0;
  for (bool last_pass = false;;) {
    const bool done = running == 0;
    for (const StoredEvent& e : ReadAfter(cursor)) {
      seen.push_back(e.id);
      cursor = e.id;
    }
    if (last_pass) break;
    last_pass = done;
  }
  for (std::thread& t : writers) t.join();
  for (const StoredEvent& e : ReadAfter(cursor)) seen.push_back(e.id);
  ASSERT_EQ(failures, 0);

  EXPECT_EQ(seen, AllEventIds()) << "an event committed below a cursor already handed out";
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kWriters * kWritesEach * 2));
  // Each write's two events come in the order they were emitted.
  std::map<std::string, std::vector<std::string>> by_subject;
  for (std::int64_t after = 0;;) {
    const auto page = ReadAfter(after);
    if (page.empty()) break;
    for (const StoredEvent& e : page) by_subject[e.subject].push_back(e.type);
    after = page.back().id;
  }
  for (const auto& [subject, types] : by_subject) {
    EXPECT_THAT(types, ::testing::ElementsAre("test.first", "test.second")) << subject;
  }
  auto verified = services.audit.Verify();
  ASSERT_TRUE(verified.has_value()) << verified.error().message;
  EXPECT_TRUE(verified->intact()) << *verified->problem;
  EXPECT_GE(verified->rows_checked, kWriters * kWritesEach);
}

TEST_P(SequencingContract, ARolledBackWriteLeavesNoAuditRecordAndNoEvent) {
  ASSERT_TRUE(AuditedWrite(0, 1).has_value());
  auto before = services.audit.Verify();
  ASSERT_TRUE(before.has_value());
  EXPECT_FALSE(AuditedWrite(0, 2, /*commit=*/false).has_value());
  ASSERT_TRUE(AuditedWrite(0, 3).has_value());
  auto after = services.audit.Verify();
  ASSERT_TRUE(after.has_value());
  EXPECT_TRUE(after->intact()) << *after->problem;
  EXPECT_EQ(after->rows_checked, before->rows_checked + 1) << "ids stay contiguous";
  EXPECT_EQ(AllEventIds().size(), 4u);
}

// On SQLite, writes that arrive together share a transaction, each in its savepoint (group
// commit): one that fails after writing rows must take exactly its own rows with it.
TEST_P(SequencingContract, AWriteThatFailsAmongConcurrentOnesTakesOnlyItsOwnRowsWithIt) {
  auto write = [&](int writer, int n) {
    const bool commit = n % 3 != 0;
    return services.store.Write([&](StoreSession& session) -> Status {
      OrgUnit unit;
      unit.code = "gc-" + std::to_string(writer) + "-" + std::to_string(n);
      unit.name = unit.code;
      if (auto id = session.OrgUnits().Insert(unit); !id) return Fail(id.error());
      if (auto s = AuditAndAnnounce(session, "test/" + unit.code, n); !s) return s;
      if (!commit) return Fail(Error::Conflict("changed my mind"));
      return Ok();
    });
  };
  auto before = services.audit.Verify();
  ASSERT_TRUE(before.has_value());
  std::atomic<int> unexpected{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int n = 0; n < kWritesEach; ++n) {
        const Status status = write(w, n);
        if (status.has_value() != (n % 3 != 0)) ++unexpected;
      }
    });
  }
  for (std::thread& t : writers) t.join();
  EXPECT_EQ(unexpected, 0) << "a write's outcome is its own";

  std::set<std::string> codes;
  ASSERT_TRUE(services.store
                  .Read([&](StoreSession& session) -> Status {
                    auto units = session.OrgUnits().List();
                    if (!units) return Fail(units.error());
                    for (const OrgUnit& unit : *units) codes.insert(unit.code);
                    return Ok();
                  })
                  .has_value());
  int committed = 0;
  for (int w = 0; w < kWriters; ++w) {
    for (int n = 0; n < kWritesEach; ++n) {
      const std::string code = "gc-" + std::to_string(w) + "-" + std::to_string(n);
      EXPECT_EQ(codes.contains(code), n % 3 != 0) << code;
      committed += n % 3 != 0 ? 1 : 0;
    }
  }
  EXPECT_EQ(AllEventIds().size(), static_cast<std::size_t>(committed));
  auto after = services.audit.Verify();
  ASSERT_TRUE(after.has_value());
  EXPECT_TRUE(after->intact()) << *after->problem;
  EXPECT_EQ(after->rows_checked, before->rows_checked + committed);
}

TEST_P(SequencingContract, AWriteThatThrowsLeavesNothingAndTheStoreGoesOn) {
  EXPECT_THROW((void)services.store.Write([&](StoreSession& session) -> Status {
    OrgUnit unit;
    unit.code = unit.name = "thrown";
    if (auto id = session.OrgUnits().Insert(unit); !id) return Fail(id.error());
    session.Events().Emit({"test", "test.first", "test/thrown", {}});
    throw std::runtime_error("a bug in the work");
  }),
               std::runtime_error);
  ASSERT_TRUE(AuditedWrite(0, 1).has_value());
  std::vector<OrgUnit> units;
  ASSERT_TRUE(services.store
                  .Read([&](StoreSession& session) -> Status {
                    auto listed = session.OrgUnits().List();
                    if (!listed) return Fail(listed.error());
                    units = std::move(*listed);
                    return Ok();
                  })
                  .has_value());
  EXPECT_TRUE(std::ranges::none_of(units, [](const OrgUnit& u) { return u.code == "thrown"; }));
  EXPECT_EQ(AllEventIds().size(), 2u) << "only the second write's two events";
}

// A process that committed its staged records and died before sequencing them: the next write
// on any node moves them, before its own, in staging order.
TEST_P(SequencingContract, WhatACrashedWriterLeftStagedIsSequencedByTheNextWrite) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "SQLite stages nothing";
  {
    auto connection = database.db().Acquire(storage::Access::kWrite);
    ASSERT_TRUE(connection.has_value());
    constexpr storage::Query kStageEvent{
        "test.stage_event",
        "INSERT INTO outbox_pending (at, topic, type, subject, data)"
        " VALUES (1, 'test', 'test.orphan', 'test/orphan', '{}')"};
    constexpr storage::Query kStageAudit{
        "test.stage_audit",
        "INSERT INTO audit_pending (at, actor, remote_address, action, entity_type, entity_id,"
        " before_json, after_json) VALUES (1, 'system', '', 'test.orphan', 'test', 'orphan',"
        " '{}', '{}')"};
    ASSERT_TRUE((*connection)->Exec(kStageEvent).has_value());
    ASSERT_TRUE((*connection)->Exec(kStageAudit).has_value());
  }
  ASSERT_TRUE(AuditedWrite(0, 1).has_value());
  const auto events = ReadAfter(0);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].type, "test.orphan");
  EXPECT_EQ(events[1].type, "test.first");
  auto audit = services.audit.Search(Principal::System(), {.entity_type = "test"});
  ASSERT_TRUE(audit.has_value());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ(audit->back().action, "test.orphan") << "newest first: the orphan came first";
  auto verified = services.audit.Verify();
  ASSERT_TRUE(verified.has_value());
  EXPECT_TRUE(verified->intact()) << *verified->problem;
}

LIFELINE_ON_BOTH_BACKENDS(SequencingContract);

}  // namespace
}  // namespace lifeline::testing
