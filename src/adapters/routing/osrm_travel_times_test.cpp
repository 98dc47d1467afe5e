// The OSRM table adapter against a fake routing server on loopback: the request it makes, the
// units it converts, and the answers it refuses.
#include "adapters/routing/osrm_travel_times.h"

#include <gtest/gtest.h>

#include "adapters/outbound/testing/fake_http_server.h"
#include "core/dispatch/field/day_planner.h"

namespace lifeline::routing {
namespace {

class Osrm : public ::testing::Test {
 protected:
  std::unique_ptr<OsrmTravelTimes> Make() {
    OsrmOptions options;
    options.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/osrm/";
    options.origin_longitude = 120.0;
    options.origin_latitude = 30.0;
    auto made = OsrmTravelTimes::Create(options);
    EXPECT_TRUE(made.has_value()) << made.error().message;
    return std::move(*made);
  }
  testing::FakeHttpServer server;
};

TEST_F(Osrm, AsksForATableAndConvertsMetresAndSeconds) {
  server.Answer(200, R"({"code":"Ok","durations":[[0,600],[660,0]],
                         "distances":[[0,5000],[5200,0]]})");
  const std::vector<dispatch::Point> points{{0, 0}, {0, 11.0574}};
  auto matrix = Make()->Between(points);
  ASSERT_TRUE(matrix.has_value()) << matrix.error().message;
  EXPECT_DOUBLE_EQ((*matrix)->Duration(0, 1), 10);   // minutes
  EXPECT_DOUBLE_EQ((*matrix)->Distance(1, 0), 5.2);  // km
  // 11.0574 km north of the origin is 0.1° of latitude.
  EXPECT_EQ(server.last_request_line(),
            "GET /osrm/table/v1/driving/120.000000,30.000000;120.000000,30.100000"
            "?annotations=duration,distance HTTP/1.1");
}

TEST_F(Osrm, UnroutablePairsErrorsAndBadTablesAreUnavailable) {
  auto osrm = Make();
  const std::vector<dispatch::Point> points{{0, 0}, {1, 1}};
  server.Answer(200, R"({"code":"Ok","durations":[[0,null],[60,0]],"distances":[[0,1],[1,0]]})");
  EXPECT_EQ(osrm->Between(points).error().code, ErrorCode::kUnavailable);
  server.Answer(200, R"({"code":"InvalidQuery","message":"Too many table coordinates"})");
  EXPECT_EQ(osrm->Between(points).error().code, ErrorCode::kUnavailable);
  server.Answer(200, R"({"code":"Ok","durations":[[0]],"distances":[[0]]})");
  EXPECT_EQ(osrm->Between(points).error().code, ErrorCode::kUnavailable);
  server.Answer(502, "bad gateway");
  EXPECT_EQ(osrm->Between(points).error().code, ErrorCode::kUnavailable);
}

TEST_F(Osrm, ADayPlanRunsOnTheServersTimes) {
  // Two technicians at (0,0) and (10,0), one job at (1,0): by the server's (made-up) times the
  // far technician is the quicker one, which straight-line estimates would never say.
  server.Answer(200, R"({"code":"Ok",
      "durations":[[0,9999,3000],[9999,0,60],[3000,60,0]],
      "distances":[[0,10000,1000],[10000,0,9000],[1000,9000,0]]})");
  dispatch::Technician near, far;
  near.user_id = 1;
  near.depot = {0, 0};
  near.skills = {{dispatch::Trade::kPipeRepair, 1}};
  far = near;
  far.user_id = 2;
  far.depot = {10, 0};
  const std::vector<dispatch::Technician> techs{near, far};
  const std::vector<dispatch::DayJob> jobs{
      {"WO-1", {1, 0}, dispatch::Trade::kPipeRepair, 8 * 60 + 1, 8 * 60 + 10, 30, 0}};
  auto osrm = Make();
  dispatch::DayPlanOptions options;
  options.seconds = 0.1;
  options.travel_times = osrm.get();
  auto plan = dispatch::PlanDay(techs, jobs, options);
  ASSERT_TRUE(plan.has_value()) << plan.error().message;
  ASSERT_EQ(plan->routes.size(), 1u);
  EXPECT_EQ(plan->routes[0].user_id, 2) << "only the far technician arrives in the window";
}

TEST_F(Osrm, ADayPlanGoesOnOnEstimatesWhileTheServerFails) {
  server.Answer(502, "bad gateway");
  dispatch::Technician tech;
  tech.user_id = 1;
  tech.skills = {{dispatch::Trade::kPipeRepair, 1}};
  const std::vector<dispatch::Technician> techs{tech};
  const std::vector<dispatch::DayJob> jobs{
      {"WO-1", {1, 0}, dispatch::Trade::kPipeRepair, 9 * 60, 11 * 60, 30, 0}};
  auto osrm = Make();
  dispatch::DayPlanOptions options;
  options.seconds = 0.1;
  options.travel_times = osrm.get();
  auto plan = dispatch::PlanDay(techs, jobs, options);
  ASSERT_TRUE(plan.has_value()) << plan.error().message;
  EXPECT_TRUE(plan->travel_estimated);
  ASSERT_EQ(plan->routes.size(), 1u);
  EXPECT_EQ(plan->routes[0].visits.size(), 1u);
}

TEST(OsrmConfig, RefusesAnythingButHttpNamingTheKey) {
  OsrmOptions options;
  options.url = "https://osrm.example";
  EXPECT_EQ(OsrmTravelTimes::Create(options).error().field, "routing.url");
}

}  // namespace
}  // namespace lifeline::routing
