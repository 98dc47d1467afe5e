// Outages and announcements on both backends: the affected-account question answered through
// the topology, state changes with optimistic concurrency, and the public announcement list.
#include <gmock/gmock.h>

#include "adapters/storage/sql_city_loader.h"
#include "core/demo/demo_city.h"
#include "core/outages/outage_service.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr TimeMs kHour = 3'600'000;

class OutageContract : public BackendTest {
 protected:
  void SetUp() override {
    storage::SqlCityLoader loader(database.db(), services.cipher);
    ASSERT_TRUE(demo::GenerateDemoCity({.customers = 60, .as_of = services.clock.NowMs()}, loader)
                    .has_value());
    ASSERT_TRUE(loader.Finish().has_value());
    const OrgUnit company = services.AddCompany("outage-co");
    const User user = services.AddUser("ops", Role::kDispatcher, company.id);
    dispatcher_ = Principal::System();
    dispatcher_.user_id = user.id;
    dispatcher_.role = Role::kDispatcher;
    dispatcher_.permissions = RolePermissions(Role::kDispatcher);
    agent_ = dispatcher_;
    agent_.role = Role::kAgent;
    agent_.permissions = RolePermissions(Role::kAgent);
    customer_ = FirstCustomer();
  }

  Customer FirstCustomer() {
    Customer found;
    Status read = services.store.Read([&](StoreSession& session) -> Status {
      auto customer = session.Customers().FindById(1);
      if (!customer) return Fail(customer.error());
      found = std::move(*customer);
      return Ok();
    });
    EXPECT_TRUE(read.has_value());
    return found;
  }

  PremisePath PathOf(const Account& account) {
    PremisePath path;
    EXPECT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      auto found = session.Topology().PathOf(account.premise_id);
                      if (!found) return Fail(found.error());
                      path = std::move(*found);
                      return Ok();
                    })
                    .has_value());
    return path;
  }

  Outage Draft(const Account& account, std::int64_t node) {
    Outage draft;
    draft.utility = account.utility;
    draft.kind = OutageKind::kUnplanned;
    draft.title = "爆管抢修";
    draft.reason = "DN300 主管爆裂";
    draft.starts_at = services.clock.NowMs();
    draft.expected_restore_at = services.clock.NowMs() + 4 * kHour;
    draft.node_ids = {node};
    return draft;
  }

  OutageService outages{services.store, services.clock};
  Principal dispatcher_;
  Principal agent_;
  Customer customer_;
};

TEST_P(OutageContract, AnOutageOnTheCommunityReachesItsAccountsOfThatUtilityOnly) {
  ASSERT_FALSE(customer_.accounts.empty());
  const Account& account = customer_.accounts.front();
  const PremisePath path = PathOf(account);
  ASSERT_GE(path.node_ids.size(), 5u);  // unit, building, community, district, supply zone
  // The community is the third node on the path.
  auto created = outages.Create(dispatcher_, Draft(account, path.node_ids[2]));
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_EQ(created->state, OutageState::kActive);

  auto affected = outages.Affecting(agent_, customer_);
  ASSERT_TRUE(affected.has_value()) << affected.error().message;
  bool found_account = false;
  for (const AccountOutages& entry : *affected) {
    const auto it = std::ranges::find(customer_.accounts, entry.account_id, &Account::id);
    ASSERT_NE(it, customer_.accounts.end());
    EXPECT_EQ(it->utility, account.utility) << "an outage reaches only its own utility";
    if (entry.account_id == account.id) {
      found_account = true;
      ASSERT_EQ(entry.outages.size(), 1u);
      EXPECT_EQ(entry.outages.front().id, created->id);
      EXPECT_THAT(entry.outages.front().node_ids, ElementsAre(path.node_ids[2]));
    }
  }
  EXPECT_TRUE(found_account);

  auto by_number = outages.AffectingAccountNo(account.account_no);
  ASSERT_TRUE(by_number.has_value()) << by_number.error().message;
  ASSERT_EQ(by_number->size(), 1u);
  EXPECT_EQ(by_number->front().title, "爆管抢修");
}

TEST_P(OutageContract, RestoredOutagesNoLongerShowAndStaleUpdatesAreRefused) {
  const Account& account = customer_.accounts.front();
  const PremisePath path = PathOf(account);
  auto created = outages.Create(dispatcher_, Draft(account, path.node_ids.front()));
  ASSERT_TRUE(created.has_value()) << created.error().message;

  auto moved = outages.Change(dispatcher_, created->id,
                              {.expected_version = created->version,
                               .expected_restore_at = created->starts_at + 6 * kHour});
  ASSERT_TRUE(moved.has_value()) << moved.error().message;
  EXPECT_EQ(moved->version, created->version + 1);

  // Someone still holding the first version loses, and nothing is written.
  auto stale =
      outages.Change(dispatcher_, created->id,
                     {.expected_version = created->version, .action = OutageAction::kRestore});
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(outages.Get(agent_, created->id)->state, OutageState::kActive);

  auto restored =
      outages.Change(dispatcher_, created->id,
                     {.expected_version = moved->version, .action = OutageAction::kRestore});
  ASSERT_TRUE(restored.has_value()) << restored.error().message;
  EXPECT_EQ(restored->state, OutageState::kRestored);
  EXPECT_TRUE(restored->restored_at.has_value());
  EXPECT_THAT(*outages.AffectingAccountNo(account.account_no), IsEmpty());

  auto again =
      outages.Change(dispatcher_, created->id,
                     {.expected_version = restored->version, .action = OutageAction::kCancel});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_P(OutageContract, BadNodesAndMissingPermissionAreRefusedWithNothingWritten) {
  const Account& account = customer_.accounts.front();
  auto unknown = outages.Create(dispatcher_, Draft(account, 99'999'999));
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().field, "node_ids");

  auto not_allowed = outages.Create(agent_, Draft(account, PathOf(account).node_ids.front()));
  ASSERT_FALSE(not_allowed.has_value());
  EXPECT_EQ(not_allowed.error().code, ErrorCode::kForbidden);
  EXPECT_THAT(*outages.List(agent_, {}), IsEmpty());
}

TEST_P(OutageContract, PublicAnnouncementsAreListedWhileCurrentAndWithdrawable) {
  const TimeMs now = services.clock.NowMs();
  Announcement pub{
      .title = "供热季开始", .body = "11月15日起正式供热", .valid_until = now + 24 * kHour};
  Announcement staff{.title = "内部通知",
                     .body = "抢修班组值班安排",
                     .audience = Audience::kStaff,
                     .valid_until = now + 24 * kHour};
  auto published = outages.Publish(dispatcher_, pub);
  ASSERT_TRUE(published.has_value()) << published.error().message;
  ASSERT_TRUE(outages.Publish(dispatcher_, staff).has_value());

  EXPECT_EQ(outages.CurrentAnnouncements(nullptr)->size(), 1u);
  EXPECT_EQ(outages.CurrentAnnouncements(&agent_)->size(), 2u);

  ASSERT_TRUE(outages.Withdraw(dispatcher_, published->id).has_value());
  EXPECT_THAT(*outages.CurrentAnnouncements(nullptr), IsEmpty());

  Announcement backwards{.title = "x", .body = "y", .valid_from = now, .valid_until = now - 1};
  auto refused = outages.Publish(dispatcher_, backwards);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().field, "valid_until");
}

TEST_P(OutageContract, EveryChangeIsAnEventAndAnAuditRecord) {
  const Account& account = customer_.accounts.front();
  auto created = outages.Create(dispatcher_, Draft(account, PathOf(account).node_ids.front()));
  ASSERT_TRUE(created.has_value());
  std::vector<std::string> types;
  ASSERT_TRUE(services.store
                  .Read([&](StoreSession& session) -> Status {
                    auto events = session.Events().ReadAfter(0, {}, 100);
                    if (!events) return Fail(events.error());
                    for (const StoredEvent& e : *events) types.push_back(e.type);
                    return Ok();
                  })
                  .has_value());
  EXPECT_THAT(types, ::testing::Contains("outage.created"));
  auto verified = services.audit.Verify();
  ASSERT_TRUE(verified.has_value()) << verified.error().message;
  EXPECT_TRUE(verified->intact()) << *verified->problem;
  EXPECT_GE(verified->rows_checked, 1);
}

LIFELINE_ON_BOTH_BACKENDS(OutageContract);

}  // namespace
}  // namespace lifeline::testing
