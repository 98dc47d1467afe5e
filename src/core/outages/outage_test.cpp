#include "core/outages/outage.h"

#include <gtest/gtest.h>

#include "core/outages/announcement.h"

namespace lifeline {
namespace {

Outage ValidOutage() {
  Outage o;
  o.title = "计划停水";
  o.starts_at = 1'000;
  o.expected_restore_at = 2'000;
  o.node_ids = {7};
  return o;
}

TEST(OutageStates, FollowTheDiagramAndNothingElse) {
  using enum OutageState;
  using enum OutageAction;
  EXPECT_EQ(*NextState(kPlanned, kStart), kActive);
  EXPECT_EQ(*NextState(kActive, kRestore), kRestored);
  EXPECT_EQ(*NextState(kPlanned, kCancel), kCancelled);
  EXPECT_EQ(*NextState(kActive, kCancel), kCancelled);
  for (auto [from, action] : {std::pair{kPlanned, kRestore},
                              {kActive, kStart},
                              {kRestored, kCancel},
                              {kRestored, kStart},
                              {kCancelled, kStart},
                              {kCancelled, kRestore}}) {
    auto next = NextState(from, action);
    ASSERT_FALSE(next.has_value());
    EXPECT_EQ(next.error().code, ErrorCode::kConflict);
    EXPECT_NE(next.error().message.find(OutageStateCode(from)), std::string::npos)
        << "the refusal names the current state";
  }
}

TEST(OutageStates, UnplannedOutagesStartActive) {
  EXPECT_EQ(InitialState(OutageKind::kUnplanned), OutageState::kActive);
  EXPECT_EQ(InitialState(OutageKind::kPlanned), OutageState::kPlanned);
  EXPECT_TRUE(IsOpen(OutageState::kPlanned));
  EXPECT_FALSE(IsOpen(OutageState::kRestored));
}

TEST(OutageValidation, NamesTheFieldAtFault) {
  EXPECT_TRUE(ValidateOutage(ValidOutage()).has_value());
  auto field_of = [](Outage o) { return ValidateOutage(o).error().field; };
  Outage no_title = ValidOutage();
  no_title.title.clear();
  EXPECT_EQ(field_of(no_title), "title");
  Outage backwards = ValidOutage();
  backwards.expected_restore_at = 500;
  EXPECT_EQ(field_of(backwards), "expected_restore_at");
  Outage nowhere = ValidOutage();
  nowhere.node_ids.clear();
  EXPECT_EQ(field_of(nowhere), "node_ids");
  Outage no_start = ValidOutage();
  no_start.starts_at = 0;
  EXPECT_EQ(field_of(no_start), "starts_at");
}

TEST(OutageReach, NetworkNodesCarryOneUtilityAreasAll) {
  EXPECT_TRUE(NodeFitsUtility(NodeKind::kSupplyZone, Utility::kWater));
  EXPECT_FALSE(NodeFitsUtility(NodeKind::kSupplyZone, Utility::kGas));
  EXPECT_TRUE(NodeFitsUtility(NodeKind::kSubstation, Utility::kHeat));
  EXPECT_FALSE(NodeFitsUtility(NodeKind::kRegulatorStation, Utility::kHeat));
  for (NodeKind area :
       {NodeKind::kDistrict, NodeKind::kCommunity, NodeKind::kBuilding, NodeKind::kUnit}) {
    EXPECT_TRUE(NodeFitsUtility(area, Utility::kGas));
  }
}

TEST(Announcements, AreCurrentInsideTheirWindowOnly) {
  Announcement a{.title = "停水通知", .body = "正文", .valid_from = 100, .valid_until = 200};
  EXPECT_TRUE(ValidateAnnouncement(a).has_value());
  EXPECT_FALSE(IsCurrent(a, 99));
  EXPECT_TRUE(IsCurrent(a, 100));
  EXPECT_FALSE(IsCurrent(a, 200));
  a.body.clear();
  EXPECT_EQ(ValidateAnnouncement(a).error().field, "body");
}

}  // namespace
}  // namespace lifeline
