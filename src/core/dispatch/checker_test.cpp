#include "core/dispatch/checker.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace lifeline::dispatch {
namespace {

Job MakeJob(LocationIndex location, TimeWindow window, double service, std::int64_t demand,
            SkillSet skills = {}) {
  Job job;
  job.location = location;
  job.window = window;
  job.service_duration = service;
  job.demand = demand;
  job.skills = skills;
  return job;
}

Vehicle MakeVehicle(TimeWindow shift, std::int64_t capacity, SkillSet skills,
                    std::optional<Break> rest_break) {
  Vehicle vehicle;
  vehicle.shift = shift;
  vehicle.capacity = capacity;
  vehicle.skills = skills;
  vehicle.rest_break = rest_break;
  return vehicle;
}

RoutePlan MakeRoute(std::size_t vehicle, double return_time, double distance, std::int64_t load,
                    std::vector<Stop> stops) {
  RoutePlan route;
  route.vehicle = vehicle;
  route.departure = 0;
  route.return_time = return_time;
  route.distance = distance;
  route.load = load;
  route.stops = std::move(stops);
  return route;
}

// Depot at the origin; job 0 at distance 5, job 1 five further on, job 2 at distance 5 the
// other way. Vehicle 0 has skill 0; vehicle 1 has none but takes a break.
class DispatchChecker : public ::testing::Test {
 protected:
  DispatchChecker() : travel_({{0, 0}, {3, 4}, {6, 8}, {0, 5}}) {
    problem_.jobs = {MakeJob(1, {0, 50}, 2, 4, SkillSet::Of({0})), MakeJob(2, {10, 60}, 2, 4),
                     MakeJob(3, {0, 100}, 2, 3)};
    problem_.vehicles = {MakeVehicle({0, 100}, 10, SkillSet::Of({0}), std::nullopt),
                         MakeVehicle({0, 100}, 10, {}, Break{{10, 50}, 5})};
    plan_.routes = {
        // Out 5, serve 5–7, on 5 to arrive 12, serve 12–14, home 10 later at 24.
        MakeRoute(0, 24, 20, 8, {{StopKind::kJob, 0, 5, 5, 7}, {StopKind::kJob, 1, 12, 12, 14}}),
        // Serve job 2 at 5–7, wait for the break window, break 10–15, home at 20.
        MakeRoute(1, 20, 10, 3, {{StopKind::kJob, 2, 5, 5, 7}, {StopKind::kBreak, 0, 7, 10, 15}}),
    };
    plan_.distance = 30;
  }

  bool Finds(ViolationKind kind) const {
    const std::vector<Violation> found = CheckPlan(problem_, travel_, plan_);
    return std::any_of(found.begin(), found.end(),
                       [&](const Violation& v) { return v.kind == kind; });
  }

  EuclideanTravel travel_;
  Problem problem_;
  Plan plan_;
};

TEST_F(DispatchChecker, AcceptsAValidPlan) {
  const std::vector<Violation> found = CheckPlan(problem_, travel_, plan_);
  for (const Violation& violation : found) ADD_FAILURE() << violation.message;
}

TEST_F(DispatchChecker, RejectsAnInvalidProblem) {
  problem_.jobs[0].location = 99;
  EXPECT_TRUE(Finds(ViolationKind::kInvalidProblem));
}

TEST_F(DispatchChecker, CatchesAnUnknownVehicle) {
  plan_.routes[1].vehicle = 7;
  EXPECT_TRUE(Finds(ViolationKind::kUnknownVehicle));
}

TEST_F(DispatchChecker, CatchesAVehicleUsedTwice) {
  plan_.routes[1].vehicle = 0;
  EXPECT_TRUE(Finds(ViolationKind::kVehicleReused));
}

TEST_F(DispatchChecker, CatchesAnUnknownJob) {
  plan_.unassigned.push_back({9, UnassignedReason::kNoRoomInPlan});
  EXPECT_TRUE(Finds(ViolationKind::kUnknownJob));
}

TEST_F(DispatchChecker, CatchesAJobBothRoutedAndUnassigned) {
  plan_.unassigned.push_back({2, UnassignedReason::kNoRoomInPlan});
  EXPECT_TRUE(Finds(ViolationKind::kJobRepeated));
}

TEST_F(DispatchChecker, CatchesAMissingJob) {
  plan_.routes.pop_back();
  plan_.distance = 20;
  EXPECT_TRUE(Finds(ViolationKind::kJobMissing));
}

TEST_F(DispatchChecker, AcceptsAJobListedAsUnassigned) {
  plan_.routes.pop_back();
  plan_.distance = 20;
  plan_.unassigned.push_back({2, UnassignedReason::kNoRoomInPlan});
  EXPECT_TRUE(CheckPlan(problem_, travel_, plan_).empty());
}

TEST_F(DispatchChecker, CatchesAMissingSkill) {
  std::swap(plan_.routes[0].vehicle, plan_.routes[1].vehicle);
  EXPECT_TRUE(Finds(ViolationKind::kSkillMissing));
}

TEST_F(DispatchChecker, CatchesAJobPinnedToAnotherVehicle) {
  problem_.jobs[2].pinned_vehicle = 0;
  EXPECT_TRUE(Finds(ViolationKind::kPinnedElsewhere));
}

TEST_F(DispatchChecker, CatchesExcessLoad) {
  problem_.vehicles[0].capacity = 7;
  EXPECT_TRUE(Finds(ViolationKind::kCapacityExceeded));
}

TEST_F(DispatchChecker, CatchesAMissedWindow) {
  problem_.jobs[1].window.latest = 11;
  EXPECT_TRUE(Finds(ViolationKind::kWindowMissed));
}

TEST_F(DispatchChecker, CatchesADepartureBeforeTheShift) {
  problem_.vehicles[0].shift.earliest = 1;
  EXPECT_TRUE(Finds(ViolationKind::kDepartureBeforeShift));
}

TEST_F(DispatchChecker, CatchesALateReturn) {
  problem_.vehicles[0].shift.latest = 20;
  EXPECT_TRUE(Finds(ViolationKind::kLateReturn));
}

TEST_F(DispatchChecker, CatchesAMissingBreak) {
  plan_.routes[1].stops.pop_back();
  plan_.routes[1].return_time = 12;
  EXPECT_TRUE(Finds(ViolationKind::kBreakMissing));
}

TEST_F(DispatchChecker, CatchesABreakOnAVehicleWithoutOne) {
  plan_.routes[0].stops.push_back({StopKind::kBreak, 0, 14, 14, 19});
  EXPECT_TRUE(Finds(ViolationKind::kUnexpectedBreak));
}

TEST_F(DispatchChecker, CatchesABreakOutsideItsWindow) {
  problem_.vehicles[1].rest_break->window.latest = 8;
  EXPECT_TRUE(Finds(ViolationKind::kBreakWindowMissed));
}

TEST_F(DispatchChecker, CatchesStatedTimesThatDoNotReplay) {
  plan_.routes[0].stops[1].start = 13;
  EXPECT_TRUE(Finds(ViolationKind::kScheduleMismatch));
}

TEST_F(DispatchChecker, CatchesAWrongDistance) {
  plan_.distance = 31;
  EXPECT_TRUE(Finds(ViolationKind::kDistanceMismatch));
}

}  // namespace
}  // namespace lifeline::dispatch
