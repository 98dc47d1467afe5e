// Stored day plans through the real binary on both backends: an appointment booked for a day is
// planned with the team's technicians, assigned through the work-order service (history row),
// announced on the public tracking page; a re-plan keeps it with its technician; a move is
// checked, then applied; the technician sees the stop in their list; refusals and bad input.
#include <gmock/gmock.h>

#include <chrono>
#include <set>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class DayPlanApi : public CityTest {
 protected:
  // Beijing date `days` from today, as YYYY-MM-DD and as yyyymmdd for the slot planner.
  static std::string Date(int days) {
    using namespace std::chrono;
    const year_month_day ymd{
        floor<std::chrono::days>(system_clock::now() + hours(8) + days * hours(24))};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
  }
  static std::int64_t DayNumber(const std::string& date) {
    return std::stoll(date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2));
  }

  HttpReply Post(const std::string& path, const nlohmann::json& body, const std::string& token) {
    return http().Post(path, body.dump(), token);
  }

  // Books the first demo customer's account into a two-hour slot on `date` (09:00 unless told).
  nlohmann::json BookAppointment(const std::string& date, int start_minute = 540) {
    const std::string agent = LoginAs("agent01");
    const std::string dispatcher = LoginAs("dispatcher01");
    HttpReply pop =
        http().Get("/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone(), agent);
    EXPECT_EQ(pop.status, 200) << pop.body;
    const nlohmann::json account = pop.Json()["items"][0]["accounts"][0];
    const nlohmann::json me = http().Get("/api/v1/auth/me", dispatcher).Json();
    const nlohmann::json plan{
        {"team_id", me["org_unit_id"]},
        {"district_id", account["district_id"]},
        {"utility", account["utility"]},
        {"from", DayNumber(date)},
        {"to", DayNumber(date)},
        {"skip_non_working_days", false},
        {"windows",
         {{{"start_minute", start_minute}, {"end_minute", start_minute + 120}, {"capacity", 3}}}}};
    HttpReply slots = Post("/api/v1/appointment-slots", plan, dispatcher);
    EXPECT_EQ(slots.status, 201) << slots.body;
    const nlohmann::json booking{{"account_no", account["account_no"]},
                                 {"service", account["utility"].get<std::string>() + ".repair"},
                                 {"slot_id", slots.Json()["items"][0]["id"]},
                                 {"note", ""}};
    HttpReply booked = Post("/api/v1/appointments", booking, agent);
    EXPECT_EQ(booked.status, 201) << booked.body;
    return booked.Json();
  }

  nlohmann::json Order(std::int64_t id, const std::string& token) {
    HttpReply reply = http().Get("/api/v1/work-orders/" + std::to_string(id), token);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json();
  }

  // The route and stop that plan `order_id`, or nulls.
  static std::pair<nlohmann::json, nlohmann::json> Find(const nlohmann::json& plan,
                                                        std::int64_t order_id) {
    for (const auto& route : plan["routes"]) {
      for (const auto& stop : route["stops"]) {
        if (stop["order_id"] == order_id) return {route, stop};
      }
    }
    return {nullptr, nullptr};
  }

  // The order's announced window, planned or not.
  static std::pair<int, int> WindowOf(const nlohmann::json& plan, std::int64_t order_id) {
    nlohmann::json stop = Find(plan, order_id).second;
    for (const auto& u : plan["unplanned"]) {
      if (u["order_id"] == order_id) stop = u;
    }
    if (!stop.is_object()) return {-1, -1};
    return {stop["window_start_minute"], stop["window_end_minute"]};
  }

  // Every order in the plan, planned or not, once.
  static std::set<std::int64_t> OrdersIn(const nlohmann::json& plan) {
    std::set<std::int64_t> orders;
    for (const auto& route : plan["routes"]) {
      for (const auto& stop : route["stops"]) orders.insert(stop["order_id"].get<std::int64_t>());
    }
    for (const auto& stop : plan["unplanned"]) orders.insert(stop["order_id"].get<std::int64_t>());
    return orders;
  }

  nlohmann::json StoredPlan(std::int64_t team, const std::string& date, const std::string& token) {
    HttpReply stored = http().Get(
        "/api/v1/dispatch/day-plans?team_id=" + std::to_string(team) + "&date=" + date, token);
    EXPECT_EQ(stored.status, 200) << stored.body;
    return stored.Json();
  }
};

TEST_P(DayPlanApi, PlanAssignAnnounceReplanMoveAndTheTechniciansList) {
  const std::string date = Date(57);
  const nlohmann::json booking = BookAppointment(date);
  const std::int64_t order_id = booking["work_order_id"];
  const std::string dispatcher = LoginAs("dispatcher01");
  const std::int64_t team = Order(order_id, dispatcher)["department_id"];
  // A second order at the same address: the emergency of the pre-emption check below.
  const std::int64_t other_order_id = BookAppointment(date, 840)["work_order_id"];

  EXPECT_EQ(http()
                .Get("/api/v1/dispatch/day-plans?team_id=" + std::to_string(team) + "&date=" + date,
                     dispatcher)
                .status,
            404)
      << "not planned yet";
  HttpReply planned = Post("/api/v1/dispatch/day-plans",
                           {{"team_id", team}, {"date", date}, {"seconds", 1}}, dispatcher);
  ASSERT_EQ(planned.status, 200) << planned.body;
  const nlohmann::json plan = planned.Json();
  EXPECT_EQ(plan["revision"], 1);
  EXPECT_EQ(plan["date"], date);
  auto [route, stop] = Find(plan, order_id);
  ASSERT_TRUE(stop.is_object()) << planned.body;
  EXPECT_EQ(stop["window_start_minute"], 540);
  EXPECT_EQ(stop["window_end_minute"], 660);
  EXPECT_TRUE(stop["booked"].get<bool>());
  EXPECT_GE(stop["start_minute"].get<int>(), 540);
  EXPECT_LE(stop["start_minute"].get<int>(), 660);
  EXPECT_EQ(stop["number"].get<std::string>().substr(0, 3), "GD-");
  const std::int64_t technician = route["user_id"];

  // Assigned through the work-order service, like a manual assignment.
  const nlohmann::json order = Order(order_id, dispatcher);
  EXPECT_EQ(order["state"], "assigned");
  EXPECT_EQ(order["assignee_id"], technician);
  bool recorded = false;
  for (const auto& step : order["history"]) {
    recorded = recorded || (step["action"] == "assign" && step["note"].get<std::string>().find(
                                                              "日计划派单") != std::string::npos);
  }
  EXPECT_TRUE(recorded) << order.dump();

  // The customer sees the window, and still nothing personal.
  const std::string code = booking["tracking_code"];
  HttpReply tracked = http().Get("/api/v1/track/" + code);
  ASSERT_EQ(tracked.status, 200) << tracked.body;
  EXPECT_EQ(tracked.Json()["planned_window"]["label"], "预计 09:00–11:00 上门") << tracked.body;
  EXPECT_THAT(tracked.body, Not(HasSubstr(ServedCity::FirstCustomerPhone())));
  EXPECT_THAT(tracked.body, Not(HasSubstr(order["address"].get<std::string>())));

  // A re-plan keeps the announced job with its technician.
  HttpReply again = Post("/api/v1/dispatch/day-plans",
                         {{"team_id", team}, {"date", date}, {"seconds", 1}}, dispatcher);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json()["revision"], 2);
  EXPECT_EQ(Find(again.Json(), order_id).first["user_id"], technician);
  EXPECT_TRUE(again.Json()["moved"].empty());

  // Move it to a colleague with the trade (in a crew under the team): checked, then applied.
  std::set<std::int64_t> crews{team};
  const nlohmann::json units = http().Get("/api/v1/org-units", dispatcher).Json()["items"];
  for (const auto& u : units) {
    if (u["parent_id"] == team) crews.insert(u["id"].get<std::int64_t>());
  }
  const nlohmann::json crew = http().Get("/api/v1/technicians", dispatcher).Json()["items"];
  std::int64_t colleague = 0;
  for (const auto& t : crew) {
    if (colleague != 0 || t["user_id"] == technician ||
        !crews.contains(t["team_id"].get<std::int64_t>())) {
      continue;
    }
    for (const auto& s : t["skills"]) {
      if (s["trade"] == stop["trade"]) colleague = t["user_id"];
    }
  }
  ASSERT_NE(colleague, 0);
  nlohmann::json move{{"team_id", team},
                      {"date", date},
                      {"order_id", order_id},
                      {"to_user_id", colleague},
                      {"position", 0}};
  HttpReply checked = Post("/api/v1/dispatch/day-plans/move", move, dispatcher);
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_TRUE(checked.Json()["feasible"].get<bool>()) << checked.body;
  EXPECT_FALSE(checked.Json()["applied"].get<bool>());
  EXPECT_EQ(checked.Json()["from_user_id"], technician);
  EXPECT_EQ(Order(order_id, dispatcher)["assignee_id"], technician) << "a check changes nothing";
  const std::set<std::int64_t> before_move = OrdersIn(again.Json());
  ASSERT_GT(before_move.size(), 2u) << "the demo's assigned orders are in the plan too";
  move["apply"] = true;
  HttpReply applied = Post("/api/v1/dispatch/day-plans/move", move, dispatcher);
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_TRUE(applied.Json()["applied"].get<bool>());
  EXPECT_EQ(Order(order_id, dispatcher)["assignee_id"], colleague);
  const nlohmann::json stored = StoredPlan(team, date, dispatcher);
  EXPECT_EQ(stored["revision"], 3);
  EXPECT_EQ(Find(stored, order_id).first["user_id"], colleague);
  EXPECT_EQ(OrdersIn(stored), before_move) << "the other technicians' stops stay in the plan";
  EXPECT_EQ(http().Get("/api/v1/track/" + code).Json()["planned_window"]["label"],
            "预计 09:00–11:00 上门");

  // An emergency for the colleague: their stop moves behind it, and the answer says to when.
  HttpReply preempt = Post(
      "/api/v1/dispatch/day-plans/preempt",
      {{"team_id", team}, {"date", date}, {"order_id", other_order_id}, {"to_user_id", colleague}},
      dispatcher);
  ASSERT_EQ(preempt.status, 200) << preempt.body;
  EXPECT_EQ(preempt.Json()["emergency"]["order_id"], other_order_id);
  bool named = false;
  const nlohmann::json moved_jobs = preempt.Json()["moved"];
  for (const auto& m : moved_jobs) {
    if (m["order_id"] == order_id) {
      named = true;
      EXPECT_GT(m["new_start_minute"].get<int>(), m["old_start_minute"].get<int>());
    }
  }
  EXPECT_TRUE(named) << preempt.body;
  EXPECT_FALSE(preempt.Json()["applied"].get<bool>());
  EXPECT_EQ(StoredPlan(team, date, dispatcher)["revision"], 3) << "a check changes nothing";

  // Applied: the emergency is the colleague's first stop and assigned to them; every job that
  // moved either keeps its window with them or waits unplanned ("preempted") for someone else.
  HttpReply preempted = Post("/api/v1/dispatch/day-plans/preempt",
                             {{"team_id", team},
                              {"date", date},
                              {"order_id", other_order_id},
                              {"to_user_id", colleague},
                              {"apply", true}},
                             dispatcher);
  ASSERT_EQ(preempted.status, 200) << preempted.body;
  EXPECT_TRUE(preempted.Json()["applied"].get<bool>());
  const nlohmann::json rewritten = StoredPlan(team, date, dispatcher);
  EXPECT_EQ(rewritten["revision"], 4);
  const auto [urgent_route, urgent_stop] = Find(rewritten, other_order_id);
  ASSERT_TRUE(urgent_stop.is_object()) << rewritten.dump();
  EXPECT_EQ(urgent_route["user_id"], colleague);
  EXPECT_EQ(urgent_stop["sequence"], 1);
  EXPECT_EQ(Order(other_order_id, dispatcher)["assignee_id"], colleague);
  const nlohmann::json moved_now = preempted.Json()["moved"];
  for (const auto& m : moved_now) {
    const auto [r, st] = Find(rewritten, m["order_id"].get<std::int64_t>());
    if (m["window_kept"].get<bool>()) {
      ASSERT_TRUE(st.is_object()) << m.dump();
      EXPECT_EQ(r["user_id"], colleague);
      EXPECT_EQ(st["start_minute"], m["new_start_minute"]);
    } else {
      EXPECT_TRUE(st.is_null()) << m.dump();
      bool unplanned = false;
      for (const auto& u : rewritten["unplanned"]) {
        unplanned = unplanned || (u["order_id"] == m["order_id"] && u["reason"] == "preempted");
      }
      EXPECT_TRUE(unplanned) << m.dump();
    }
  }
  EXPECT_EQ(OrdersIn(rewritten), before_move) << "nothing is lost from the plan";

  // A re-plan keeps every window customers were told — a pre-empted job's too, though anyone
  // who can keep it may now go.
  HttpReply replanned =
      Post("/api/v1/dispatch/day-plans", {{"team_id", team}, {"date", date}}, dispatcher);
  ASSERT_EQ(replanned.status, 200) << replanned.body;
  for (const auto& m : moved_now) {
    const std::int64_t id = m["order_id"];
    EXPECT_EQ(WindowOf(replanned.Json(), id), WindowOf(rewritten, id)) << m.dump();
  }

  // The colleague's own list for that day.
  const std::string admin = LoginAs("admin");
  const std::string username =
      http().Get("/api/v1/users/" + std::to_string(colleague), admin).Json()["username"];
  HttpReply mine = http().Get("/api/v1/technicians/me/stops?date=" + date, LoginAs(username));
  ASSERT_EQ(mine.status, 200) << mine.body;
  bool listed = false;
  const nlohmann::json items = mine.Json()["items"];  // a named copy: the loop outlives it
  for (const auto& s : items) listed = listed || s["order_id"] == order_id;
  EXPECT_TRUE(listed) << mine.body;
}

TEST_P(DayPlanApi, RefusalsAndBadInputNameTheProblem) {
  const std::string dispatcher = LoginAs("dispatcher01");
  const std::int64_t team =
      http().Get("/api/v1/technicians", dispatcher).Json()["items"][0]["team_id"];
  const std::string date = Date(58);
  EXPECT_EQ(
      Post("/api/v1/dispatch/day-plans", {{"team_id", team}, {"date", date}}, LoginAs("agent01"))
          .status,
      403);
  HttpReply bad =
      Post("/api/v1/dispatch/day-plans", {{"team_id", team}, {"date", "2026-02-30"}}, dispatcher);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["field"], "date");
  HttpReply no_team =
      Post("/api/v1/dispatch/day-plans", {{"team_id", 999999}, {"date", date}}, dispatcher);
  EXPECT_EQ(no_team.status, 400) << no_team.body;
  EXPECT_EQ(no_team.Json()["field"], "team_id");
  // Any day can be planned; an order that is not in its plan cannot be moved.
  HttpReply empty = Post("/api/v1/dispatch/day-plans",
                         {{"team_id", team}, {"date", Date(-400)}, {"seconds", 1}}, dispatcher);
  ASSERT_EQ(empty.status, 200) << empty.body;
  HttpReply missing = Post("/api/v1/dispatch/day-plans/move",
                           {{"team_id", team},
                            {"date", Date(-400)},
                            {"order_id", 999999},
                            {"to_user_id", 1},
                            {"position", 0}},
                           dispatcher);
  EXPECT_EQ(missing.status, 404) << missing.body;
  EXPECT_EQ(http().Get("/api/v1/technicians/me/stops?date=tomorrow", LoginAs("tech01")).status,
            400);
}

LIFELINE_CITY_ON_BOTH_BACKENDS(DayPlanApi);

}  // namespace
}  // namespace lifeline::testing
