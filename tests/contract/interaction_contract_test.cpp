// Interactions on both backends: recorded with the contact sealed, read back newest first,
// hidden outside the caller's scope, contact masked without customers:read_pii.
#include <gmock/gmock.h>

#include "adapters/storage/sql_city_loader.h"
#include "core/demo/demo_city.h"
#include "core/interactions/interaction_service.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

class InteractionContract : public BackendTest {
 protected:
  void SetUp() override {
    storage::SqlCityLoader loader(database.db(), services.cipher);
    ASSERT_TRUE(demo::GenerateDemoCity({.customers = 30, .as_of = services.clock.NowMs()}, loader)
                    .has_value());
    ASSERT_TRUE(loader.Finish().has_value());
    const OrgUnit company = services.AddCompany("contact-co");
    const User user = services.AddUser("agent", Role::kAgent, company.id);
    agent_ = Principal::System();
    agent_.user_id = user.id;
    agent_.role = Role::kAgent;
    agent_.permissions = RolePermissions(Role::kAgent);
    agent_name_ = user.display_name;
    customer_ = *services.customers.Get(Principal::System(), 1);
  }

  Interaction Call(TimeMs at, std::string summary) {
    Interaction i;
    i.channel = Channel::kPhone;
    i.customer_id = customer_.id;
    i.account_id = customer_.accounts.front().id;
    i.contact = "13900001111";
    i.summary = std::move(summary);
    i.started_at = at;
    i.ended_at = at + 60'000;
    return i;
  }

  InteractionService interactions{services.store, services.clock};
  Principal agent_;
  std::string agent_name_;
  Customer customer_;
};

TEST_P(InteractionContract, TheTimelineIsNewestFirstWithTheAgentAndAMaskedContact) {
  ASSERT_TRUE(interactions.Record(agent_, Call(1'000'000, "第一次来电：水黄")).has_value());
  ASSERT_TRUE(interactions.Record(agent_, Call(2'000'000, "第二次来电：仍然水黄")).has_value());
  auto timeline = interactions.Timeline(agent_, customer_.id, 10);
  ASSERT_TRUE(timeline.has_value()) << timeline.error().message;
  ASSERT_EQ(timeline->size(), 2u);
  EXPECT_EQ(timeline->front().summary, "第二次来电：仍然水黄");
  EXPECT_EQ(timeline->front().agent_name, agent_name_);
  EXPECT_EQ(timeline->front().contact, "139****1111");

  Principal supervisor = agent_;
  supervisor.permissions = RolePermissions(Role::kSupervisor);
  EXPECT_EQ(interactions.Timeline(supervisor, customer_.id, 10)->front().contact, "13900001111");
  EXPECT_EQ(interactions.RecentFor(agent_, customer_, 1)->size(), 1u);
}

TEST_P(InteractionContract, ContactsAreSealedAtRest) {
  ASSERT_TRUE(interactions.Record(agent_, Call(1'000'000, "咨询")).has_value());
  auto connection = database.db().Acquire(storage::Access::kRead);
  ASSERT_TRUE(connection.has_value());
  bool clear = false;
  ASSERT_TRUE(
      (*connection)
          ->Each({"test.raw_contacts", "SELECT contact_enc, contact_idx FROM interactions"}, {},
                 [&](const storage::Row& row) -> Status {
                   clear |= row.Blob(0).find("13900001111") != std::string::npos;
                   clear |= std::string(row.Text(1)).find("13900001111") != std::string::npos;
                   return Ok();
                 })
          .has_value());
  EXPECT_FALSE(clear);
}

TEST_P(InteractionContract, WrongPartiesAndOtherDistrictsAreRefused) {
  Interaction stranger = Call(1'000'000, "x");
  stranger.customer_id = 99'999;
  EXPECT_EQ(interactions.Record(agent_, stranger).error().field, "customer_id");
  Interaction wrong_account = Call(1'000'000, "x");
  wrong_account.account_id = 99'999;
  EXPECT_EQ(interactions.Record(agent_, wrong_account).error().field, "account_id");

  Principal branch = agent_;
  branch.scope = DataScope::Districts({customer_.accounts.front().district_id + 1000});
  EXPECT_EQ(interactions.Timeline(branch, customer_.id, 10).error().code, ErrorCode::kNotFound);

  Principal auditor = agent_;
  auditor.permissions = RolePermissions(Role::kAuditor);
  EXPECT_EQ(interactions.Record(auditor, Call(1'000'000, "x")).error().code, ErrorCode::kForbidden);
}

LIFELINE_ON_BOTH_BACKENDS(InteractionContract);

}  // namespace
}  // namespace lifeline::testing
