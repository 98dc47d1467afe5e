// The product layer over the solver: ranking technicians for one job, and a team's day plan.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/dispatch/field/day_planner.h"
#include "core/dispatch/field/suggestion.h"

namespace lifeline::dispatch {
namespace {

Technician Tech(std::int64_t id, std::string name, Point at, std::vector<TradeSkill> skills) {
  Technician t;
  t.user_id = id;
  t.name = std::move(name);
  t.depot = at;
  t.position = at;
  t.skills = std::move(skills);
  return t;
}

TEST(RankTechnicians, NearestSkilledFirstWithTheReasonsSpelledOut) {
  const std::vector<Technician> techs{
      Tech(1, "李师傅", {0, 0}, {{Trade::kPipeRepair, 3}}),
      Tech(2, "王师傅", {5, 0}, {{Trade::kPipeRepair, 1}}),
      Tech(3, "张师傅", {0.5, 0}, {{Trade::kGasSafety, 5}}),  // wrong trade
  };
  const JobNeed job{.location = {1, 0}, .trade = Trade::kPipeRepair};
  auto ranked = RankTechnicians(job, techs, {}, 9 * 60);
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].user_id, 1);
  EXPECT_EQ(ranked[0].travel_minutes, 4);  // 1 km × 1.35 at 25 km/h → 3.24 → 4 minutes
  EXPECT_EQ(ranked[0].skill_level, 3);
  EXPECT_EQ(ranked[0].explanation, "李师傅：4 分钟可到，剩 0 单，技能 3 级");
  EXPECT_EQ(ranked[1].user_id, 2);
}

TEST(RankTechnicians, QueuedWorkCountsUnlessItIsAnEmergency) {
  const std::vector<Technician> techs{Tech(1, "李师傅", {0, 0}, {{Trade::kPipeRepair, 1}}),
                                      Tech(2, "王师傅", {3, 0}, {{Trade::kPipeRepair, 1}})};
  const std::vector<TechnicianLoad> loads{{1, 4, 240}, {2, 0, 0}};
  JobNeed job{.location = {0, 0}, .trade = Trade::kPipeRepair};
  EXPECT_EQ(RankTechnicians(job, techs, loads, 9 * 60).front().user_id, 2);
  job.priority = JobPriority::kEmergency;
  auto emergency = RankTechnicians(job, techs, loads, 9 * 60);
  EXPECT_EQ(emergency.front().user_id, 1) << "an emergency pre-empts the queue";
  EXPECT_NE(emergency.front().explanation.find("插单"), std::string::npos);
}

TEST(RankTechnicians, LeavesOutWhoIsOffDutyOrWhoseShiftEndsFirst) {
  std::vector<Technician> techs{Tech(1, "李师傅", {0, 0}, {{Trade::kMeter, 2}}),
                                Tech(2, "王师傅", {0, 0}, {{Trade::kMeter, 2}})};
  techs[0].on_duty = false;
  const JobNeed job{.location = {0, 0}, .trade = Trade::kMeter, .duration_minutes = 60};
  auto ranked = RankTechnicians(job, techs, {}, 17 * 60);  // shift ends 17:30
  EXPECT_TRUE(ranked.empty());
  EXPECT_EQ(RankTechnicians(job, techs, {}, 9 * 60).size(), 1u);
}

TEST(PlanDay, KeepsEveryWindowAndSaysWhyAJobIsLeftOut) {
  std::vector<Technician> techs{Tech(1, "李师傅", {0, 0}, {{Trade::kPipeRepair, 2}}),
                                Tech(2, "王师傅", {10, 0}, {{Trade::kMeter, 2}})};
  std::vector<DayJob> jobs;
  for (int i = 0; i < 6; ++i) {
    jobs.push_back({"WO-" + std::to_string(i),
                    {double(i), 1},
                    i % 2 ? Trade::kMeter : Trade::kPipeRepair,
                    9 * 60 + 60 * i,
                    9 * 60 + 60 * i + 120,
                    30,
                    1});
  }
  jobs.push_back({"WO-GAS", {2, 2}, Trade::kGasSafety, 9 * 60, 12 * 60, 30, 1});
  jobs.push_back({"WO-BACKWARDS", {2, 2}, Trade::kMeter, 12 * 60, 9 * 60, 30, 1});
  auto plan = PlanDay(techs, jobs, {.seconds = 0.3});
  ASSERT_TRUE(plan.has_value()) << plan.error().message;

  std::set<std::string> visited;
  for (const TechnicianRoute& route : plan->routes) {
    const Technician& tech = route.user_id == 1 ? techs[0] : techs[1];
    EXPECT_GE(route.departure_minute, tech.shift.start_minute);
    EXPECT_LE(route.return_minute, tech.shift.end_minute);
    for (const PlannedVisit& v : route.visits) {
      const auto job = std::ranges::find(jobs, v.job_id, &DayJob::id);
      EXPECT_GE(v.start_minute, job->window_start_minute);
      EXPECT_LE(v.start_minute, job->window_end_minute);
      EXPECT_GT(LevelIn(tech, job->trade), 0) << v.job_id << " given to an unskilled technician";
      visited.insert(v.job_id);
    }
  }
  EXPECT_EQ(visited.size(), 6u);
  ASSERT_EQ(plan->unplanned.size(), 2u);
  for (const UnplannedJob& u : plan->unplanned) {
    const std::string expected = u.job_id == "WO-GAS" ? "no_skilled_vehicle" : "invalid_window";
    EXPECT_EQ(u.reason, expected) << u.job_id;
  }
}

// Six hours of work in one spot, two technicians from the same depot: pure travel gives all of
// it to one of them (one trip out instead of two); the balance term shares it out.
TEST(PlanDay, BalancesTheWorkAcrossTheCrewUnlessTheWeightIsZero) {
  const std::vector<Technician> techs{Tech(1, "李师傅", {0, 0}, {{Trade::kPipeRepair, 2}}),
                                      Tech(2, "王师傅", {0, 0}, {{Trade::kPipeRepair, 2}})};
  std::vector<DayJob> jobs;
  for (int i = 0; i < 6; ++i) {
    jobs.push_back(
        {"WO-" + std::to_string(i), {1, 0.1 * i}, Trade::kPipeRepair, 8 * 60, 16 * 60, 60, 0});
  }
  const auto jobs_per_technician = [&](double weight) {
    auto plan = PlanDay(techs, jobs, {.seconds = 0.2, .balance_weight = weight});
    EXPECT_TRUE(plan.has_value());
    std::vector<std::size_t> counts;
    for (const TechnicianRoute& route : plan->routes) counts.push_back(route.visits.size());
    std::ranges::sort(counts);
    return counts;
  };
  EXPECT_EQ(jobs_per_technician(0), std::vector<std::size_t>{6});
  EXPECT_EQ(jobs_per_technician(DayPlanOptions{}.balance_weight), (std::vector<std::size_t>{3, 3}));
}

TEST(PlanDay, ATechnicianOffSickTakesNoJobs) {
  std::vector<Technician> techs{Tech(1, "李师傅", {0, 0}, {{Trade::kPipeRepair, 2}})};
  techs[0].on_duty = false;
  const std::vector<DayJob> jobs{{"WO-1", {1, 1}, Trade::kPipeRepair, 9 * 60, 11 * 60, 30, 0}};
  auto plan = PlanDay(techs, jobs, {.seconds = 0.1});
  ASSERT_TRUE(plan.has_value());
  EXPECT_TRUE(plan->routes.empty());
  ASSERT_EQ(plan->unplanned.size(), 1u);
  EXPECT_EQ(plan->unplanned[0].reason, "no_vehicle_on_shift");
}

// A routing server that fails the way the given error says (the OSRM adapter's own tests talk
// to a real HTTP peer; here only the planner's answer to its failure matters).
class FailingTravelTimes final : public TravelTimes {
 public:
  explicit FailingTravelTimes(Error error) : error_(std::move(error)) {}
  Result<std::unique_ptr<TravelMatrix>> Between(std::span<const Point>) override {
    return Fail(error_);
  }

 private:
  Error error_;
};

TEST(PlanDay, PlansOnEstimatesWhenTheRoutingServerIsDownAndSaysSo) {
  const std::vector<Technician> techs{Tech(1, "李师傅", {0, 0}, {{Trade::kPipeRepair, 2}})};
  const std::vector<DayJob> jobs{{"WO-1", {1, 1}, Trade::kPipeRepair, 9 * 60, 11 * 60, 30, 0}};
  FailingTravelTimes down(Error::Unavailable("routing server unavailable: connection refused"));
  auto plan = PlanDay(techs, jobs, {.seconds = 0.1, .travel_times = &down});
  ASSERT_TRUE(plan.has_value()) << plan.error().message;
  EXPECT_TRUE(plan->travel_estimated);
  ASSERT_EQ(plan->routes.size(), 1u);
  EXPECT_EQ(plan->routes[0].visits.size(), 1u);
  EXPECT_FALSE(PlanDay(techs, jobs, {.seconds = 0.1})->travel_estimated) << "no server: the model";

  FailingTravelTimes refused(Error{ErrorCode::kTooLarge, "at most 1000 places", {}});
  auto too_many = PlanDay(techs, jobs, {.seconds = 0.1, .travel_times = &refused});
  ASSERT_FALSE(too_many.has_value()) << "only an unreachable server is worked around";
  EXPECT_EQ(too_many.error().code, ErrorCode::kTooLarge);
}

TEST(PlanDay, ReplanningKeepsAnnouncedJobsWithTheirTechnicianAndNamesWhatMoves) {
  std::vector<Technician> techs{Tech(1, "李师傅", {0, 0}, {{Trade::kPipeRepair, 2}}),
                                Tech(2, "王师傅", {10, 0}, {{Trade::kPipeRepair, 2}}),
                                Tech(3, "赵师傅", {0, 1}, {{Trade::kPipeRepair, 2}})};
  // Announced with 王师傅 although 李师傅 is nearer: it stays with 王师傅.
  std::vector<DayJob> jobs{{"WO-KEEP", {0.5, 0}, Trade::kPipeRepair, 9 * 60, 11 * 60, 30, 0, 2},
                           {"WO-ILL", {0.2, 0.8}, Trade::kPipeRepair, 9 * 60, 12 * 60, 30, 0, 3}};
  techs[2].on_duty = false;  // 赵师傅 fell ill
  auto plan = PlanDay(techs, jobs, {.seconds = 0.2});
  ASSERT_TRUE(plan.has_value()) << plan.error().message;
  for (const TechnicianRoute& route : plan->routes) {
    for (const PlannedVisit& v : route.visits) {
      if (v.job_id == "WO-KEEP") {
        EXPECT_EQ(route.user_id, 2) << "announced with 王师傅, who is on duty";
      } else {
        EXPECT_NE(route.user_id, 3) << "赵师傅 is ill";
      }
    }
  }
  ASSERT_EQ(plan->moved.size(), 1u);
  EXPECT_EQ(plan->moved[0].job_id, "WO-ILL");
  EXPECT_EQ(plan->moved[0].from_user_id, 3);
  EXPECT_TRUE(plan->moved[0].to_user_id.has_value());
}

}  // namespace
}  // namespace lifeline::dispatch
