// Personal topics: anyone signed in follows their own notifications, and only their own.
#include <gtest/gtest.h>

#include "core/events/topic_access.h"

namespace lifeline {
namespace {

Principal Technician() {
  Principal p;
  p.user_id = 20;
  p.role = Role::kTechnician;
  p.permissions = RolePermissions(Role::kTechnician);  // no events:subscribe
  return p;
}

TEST(PersonalTopics, NeedNoSubscribePermissionButDeliverOnlyToTheirOwner) {
  auto topics = ResolveTopics(Technician(), {"notification"});
  ASSERT_TRUE(topics.has_value()) << topics.error().message;
  EXPECT_EQ(*topics, std::vector<std::string>{"notification"});
  EXPECT_FALSE(ResolveTopics(Technician(), {"notification", "workorder"}).has_value());

  StoredEvent mine{1, 0, "notification", "notification.created", PersonalSubject(20), "{}"};
  StoredEvent theirs{2, 0, "notification", "notification.created", PersonalSubject(21), "{}"};
  StoredEvent public_event{3, 0, "workorder", "workorder.urged", "workorder/5", "{}"};
  EXPECT_TRUE(DeliverableTo(mine, 20));
  EXPECT_FALSE(DeliverableTo(theirs, 20));
  EXPECT_FALSE(DeliverableTo(mine, 0)) << "an anonymous filter gets no one's notifications";
  EXPECT_TRUE(DeliverableTo(public_event, 20));
}

TEST(PersonalTopics, CustomerMessagesNeedTheirPermission) {
  Principal agent;
  agent.user_id = 3;
  agent.permissions = RolePermissions(Role::kAgent);
  EXPECT_TRUE(MayReadTopic(agent, "customer_message"));
  Principal manager = agent;
  manager.permissions = RolePermissions(Role::kManager);
  EXPECT_FALSE(MayReadTopic(manager, "customer_message"));
}

}  // namespace
}  // namespace lifeline
