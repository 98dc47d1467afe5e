// Technician profiles on both backends: saved with skills, listed by team, positions updated.
#include <gmock/gmock.h>

#include "core/demo/demo_technicians.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

class TechnicianContract : public BackendTest {
 protected:
  void SetUp() override {
    const OrgUnit company = services.AddCompany("tech-co");
    for (int i = 0; i < 3; ++i) {
      users_.push_back(services.AddUser("tech" + std::to_string(i), Role::kTechnician, company.id));
    }
  }

  Status Write(const std::function<Status(TechnicianRepository&)>& work) {
    return services.store.Write([&](StoreSession& s) { return work(s.Technicians()); });
  }
  std::vector<dispatch::Technician> List(std::int64_t team) {
    std::vector<dispatch::Technician> out;
    EXPECT_TRUE(services.store
                    .Read([&](StoreSession& s) -> Status {
                      auto listed = s.Technicians().List(team);
                      if (!listed) return Fail(listed.error());
                      out = std::move(*listed);
                      return Ok();
                    })
                    .has_value());
    return out;
  }

  std::vector<User> users_;
};

TEST_P(TechnicianContract, ProfilesRoundTripWithSkillsAndPositions) {
  for (int i = 0; i < 3; ++i) {
    const auto profile = demo::DemoTechnicianProfile(users_[i].id, i, {1.0 * i, -2.0});
    ASSERT_TRUE(Write([&](TechnicianRepository& r) { return r.Save(profile); }).has_value());
  }
  auto listed = List(0);
  ASSERT_EQ(listed.size(), 3u);
  const auto expected = demo::DemoTechnicianProfile(users_[1].id, 1, {1.0, -2.0});
  EXPECT_EQ(listed[1].name, users_[1].display_name);
  EXPECT_EQ(listed[1].team_id, users_[1].org_unit_id);
  ASSERT_EQ(listed[1].skills.size(), expected.skills.size());
  EXPECT_EQ(listed[1].shift.end_minute, 17 * 60 + 30);
  ASSERT_TRUE(listed[1].break_window.has_value());
  EXPECT_EQ(listed[1].break_minutes, 60);
  EXPECT_DOUBLE_EQ(listed[1].depot.x, 1.0);

  ASSERT_TRUE(Write([&](TechnicianRepository& r) {
                return r.UpdatePosition(users_[2].id, {3.25, 4.5}, 777);
              }).has_value());
  auto moved = List(users_[2].org_unit_id);
  ASSERT_EQ(moved.size(), 3u);
  EXPECT_DOUBLE_EQ(moved[2].position->x, 3.25);
  EXPECT_EQ(moved[2].position_at, 777);
  EXPECT_EQ(Write([&](TechnicianRepository& r) {
              return r.UpdatePosition(999'999, {0, 0}, 1);
            })
                .error()
                .code,
            ErrorCode::kNotFound);
  EXPECT_TRUE(List(999'999).empty());
}

LIFELINE_ON_BOTH_BACKENDS(TechnicianContract);

}  // namespace
}  // namespace lifeline::testing
