// Appointments through the real binary on both backends: a dispatcher plans slots, an agent
// books one for the first demo customer's account (a work order of type appointment), a full
// slot is a 409, rescheduling and cancelling move and free seats, a service that needs papers
// answers guidance and refuses booking, bad input names the field, refusals name the
// permission, and the portal books only with the last four digits of the holder's phone.
#include <gmock/gmock.h>

#include <chrono>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class AppointmentApi : public CityTest {
 protected:
  nlohmann::json Account(const std::string& token) {
    HttpReply pop =
        http().Get("/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone(), token);
    EXPECT_EQ(pop.status, 200) << pop.body;
    return pop.Json()["items"][0]["accounts"][0];
  }

  // yyyymmdd, `days` from today in Beijing time: each test plans its own day far beyond the
  // demo's 14 days of slots, so tests sharing the city do not meet.
  static std::int64_t DayFromNow(int days) {
    using namespace std::chrono;
    const auto local = system_clock::now() + hours(8) + days * hours(24);
    const year_month_day ymd{floor<std::chrono::days>(local)};
    return static_cast<int>(ymd.year()) * 10000 +
           static_cast<int>(static_cast<unsigned>(ymd.month())) * 100 +
           static_cast<int>(static_cast<unsigned>(ymd.day()));
  }

  // Two windows with `capacity` seats on the given day, for the account's utility and district.
  nlohmann::json PlanSlots(const nlohmann::json& account, int days, int capacity) {
    const std::string dispatcher = LoginAs("dispatcher01");
    const nlohmann::json me = http().Get("/api/v1/auth/me", dispatcher).Json();
    const nlohmann::json plan{
        {"team_id", me["org_unit_id"]},
        {"district_id", account["district_id"]},
        {"utility", account["utility"]},
        {"from", DayFromNow(days)},
        {"to", DayFromNow(days)},
        {"skip_non_working_days", false},
        {"windows",
         {{{"start_minute", 540}, {"end_minute", 660}, {"capacity", capacity}},
          {{"start_minute", 840}, {"end_minute", 960}, {"capacity", capacity}}}}};
    HttpReply created = http().Post("/api/v1/appointment-slots", plan.dump(), dispatcher);
    EXPECT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.Json()["created"], 2) << created.body;
    return created.Json()["items"];
  }

  static std::string Repair(const nlohmann::json& account) {
    return account["utility"].get<std::string>() + ".repair";
  }

  HttpReply Book(const nlohmann::json& account, std::int64_t slot_id, const std::string& token) {
    const nlohmann::json body{{"account_no", account["account_no"]},
                              {"service", Repair(account)},
                              {"slot_id", slot_id},
                              {"note", "下午家里有人"}};
    return http().Post("/api/v1/appointments", body.dump(), token);
  }

  std::int64_t Remaining(const nlohmann::json& account, std::int64_t slot_id,
                         const std::string& token) {
    HttpReply listed =
        http().Get("/api/v1/appointment-slots?district_id=" +
                       std::to_string(account["district_id"].get<std::int64_t>()) +
                       "&utility=" + account["utility"].get<std::string>() + "&limit=1000",
                   token);
    EXPECT_EQ(listed.status, 200) << listed.body;
    const nlohmann::json items = listed.Json()["items"];  // a named copy: the loop outlives it
    for (const auto& slot : items) {
      if (slot["id"] == slot_id) return slot["remaining"];
    }
    ADD_FAILURE() << "slot " << slot_id << " not listed";
    return -1;
  }
};

TEST_P(AppointmentApi, BookAFullSlotRescheduleAndCancel) {
  const std::string agent = LoginAs("agent01");
  const nlohmann::json account = Account(agent);
  const nlohmann::json slots = PlanSlots(account, 40, 1);
  const std::int64_t morning = slots[0]["id"];
  const std::int64_t afternoon = slots[1]["id"];

  HttpReply available =
      http().Get("/api/v1/appointment-availability?service=" + Repair(account) +
                     "&district_id=" + std::to_string(account["district_id"].get<std::int64_t>()) +
                     "&to=" + std::to_string(slots[1]["ends_at"].get<std::int64_t>()),
                 agent);
  ASSERT_EQ(available.status, 200) << available.body;
  EXPECT_TRUE(available.Json()["bookable"].get<bool>());
  bool listed = false;
  const nlohmann::json offered = available.Json()["slots"];
  for (const auto& slot : offered) listed = listed || slot["id"] == morning;
  EXPECT_TRUE(listed) << available.body;

  HttpReply booked = Book(account, morning, agent);
  ASSERT_EQ(booked.status, 201) << booked.body;
  const nlohmann::json booking = booked.Json();
  EXPECT_EQ(booking["state"], "booked");
  EXPECT_EQ(booking["slot_id"], morning);
  // The demo's routing rules send the branch's field work straight to its 维修所.
  EXPECT_EQ(booking["work_order_state"], "dispatched");
  EXPECT_EQ(booking["tracking_code"].get<std::string>().size(), 14u) << "ABCD-EFGH-JKMN";
  EXPECT_EQ(Remaining(account, morning, agent), 0);

  HttpReply full = Book(account, morning, agent);
  EXPECT_EQ(full.status, 409) << full.body;
  EXPECT_THAT(full.body, HasSubstr("full"));

  const std::string order_path =
      "/api/v1/work-orders/" + std::to_string(booking["work_order_id"].get<std::int64_t>());
  HttpReply order = http().Get(order_path, agent);
  ASSERT_EQ(order.status, 200) << order.body;
  EXPECT_EQ(order.Json()["type"], "appointment");
  EXPECT_EQ(order.Json()["district_id"], account["district_id"]);
  HttpReply window = http().Get(order_path + "/appointment", agent);
  ASSERT_EQ(window.status, 200) << window.body;
  EXPECT_EQ(window.Json()["id"], booking["id"]);
  EXPECT_EQ(window.Json()["starts_at"], slots[0]["starts_at"]);

  const std::string path =
      "/api/v1/appointments/" + std::to_string(booking["id"].get<std::int64_t>());
  HttpReply moved = http().Post(
      path + "/reschedule",
      nlohmann::json{{"slot_id", afternoon}, {"version", booking["version"]}}.dump(), agent);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["slot_id"], afternoon);
  EXPECT_EQ(moved.Json()["reschedule_count"], 1);
  EXPECT_EQ(Remaining(account, morning, agent), 1) << "the old seat is free again";
  EXPECT_EQ(Remaining(account, afternoon, agent), 0);

  HttpReply stale =
      http().Post(path + "/cancel", nlohmann::json{{"version", booking["version"]}}.dump(), agent);
  EXPECT_EQ(stale.status, 409) << stale.body;

  HttpReply cancelled = http().Post(path + "/cancel", R"({"note": "客户临时出差"})", agent);
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.Json()["state"], "cancelled");
  EXPECT_EQ(cancelled.Json()["work_order_state"], "cancelled");
  EXPECT_EQ(Remaining(account, afternoon, agent), 1);
  EXPECT_EQ(http().Get(order_path, agent).Json()["state"], "cancelled");

  HttpReply twice = http().Post(path + "/cancel", "{}", agent);
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_THAT(twice.body, HasSubstr("cancelled"));

  HttpReply mine = http().Get(
      "/api/v1/appointments?account_id=" + std::to_string(account["id"].get<std::int64_t>()),
      agent);
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_GE(mine.Json()["total"].get<int>(), 1);
}

TEST_P(AppointmentApi, AServiceThatNeedsPapersAnswersGuidanceAndRefusesBooking) {
  const std::string agent = LoginAs("agent01");
  const nlohmann::json account = Account(agent);
  const nlohmann::json slots = PlanSlots(account, 41, 2);
  const std::string papers = account["utility"].get<std::string>() + ".renovation";

  HttpReply services = http().Get("/api/v1/appointment-services", agent);
  ASSERT_EQ(services.status, 200) << services.body;
  EXPECT_THAT(services.body, HasSubstr("\"" + papers + "\""));

  HttpReply available =
      http().Get("/api/v1/appointment-availability?service=" + papers +
                     "&district_id=" + std::to_string(account["district_id"].get<std::int64_t>()),
                 agent);
  ASSERT_EQ(available.status, 200) << available.body;
  EXPECT_FALSE(available.Json()["bookable"].get<bool>());
  EXPECT_TRUE(available.Json()["slots"].empty());
  EXPECT_FALSE(available.Json()["guidance"]["bring"].empty()) << available.body;
  EXPECT_FALSE(available.Json()["guidance"]["phone"].get<std::string>().empty());

  const nlohmann::json body{
      {"account_no", account["account_no"]}, {"service", papers}, {"slot_id", slots[0]["id"]}};
  HttpReply refused = http().Post("/api/v1/appointments", body.dump(), agent);
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_THAT(refused.body, HasSubstr("papers"));
}

TEST_P(AppointmentApi, BadInputNamesTheFieldAndRefusalsNameThePermission) {
  const std::string agent = LoginAs("agent01");
  const std::string dispatcher = LoginAs("dispatcher01");
  const nlohmann::json account = Account(agent);
  auto field_of = [](const HttpReply& reply) { return reply.Json().value("field", ""); };

  HttpReply no_slot = http().Post(
      "/api/v1/appointments",
      nlohmann::json{{"account_no", account["account_no"]}, {"service", Repair(account)}}.dump(),
      agent);
  EXPECT_EQ(no_slot.status, 400) << no_slot.body;
  EXPECT_EQ(field_of(no_slot), "slot_id");

  HttpReply bad_service = http().Post(
      "/api/v1/appointments",
      nlohmann::json{
          {"account_no", account["account_no"]}, {"service", "water.teleport"}, {"slot_id", 1}}
          .dump(),
      agent);
  EXPECT_EQ(bad_service.status, 400) << bad_service.body;
  EXPECT_EQ(field_of(bad_service), "service");

  const nlohmann::json me = http().Get("/api/v1/auth/me", dispatcher).Json();
  nlohmann::json plan{{"team_id", me["org_unit_id"]},
                      {"district_id", account["district_id"]},
                      {"utility", account["utility"]},
                      {"from", DayFromNow(42)},
                      {"to", DayFromNow(42)},
                      {"windows", {{{"start_minute", 600}, {"end_minute", 540}, {"capacity", 2}}}}};
  HttpReply backwards = http().Post("/api/v1/appointment-slots", plan.dump(), dispatcher);
  EXPECT_EQ(backwards.status, 400) << backwards.body;
  EXPECT_EQ(field_of(backwards), "windows[0].end_minute");

  plan["windows"] = {{{"start_minute", 540}, {"end_minute", 660}, {"capacity", 2}}};
  HttpReply by_agent = http().Post("/api/v1/appointment-slots", plan.dump(), agent);
  EXPECT_EQ(by_agent.status, 403) << by_agent.body;
  EXPECT_THAT(by_agent.body, HasSubstr("appointments:manage"));

  HttpReply by_technician = Book(account, 1, LoginAs("tech01"));
  EXPECT_EQ(by_technician.status, 403) << by_technician.body;
  EXPECT_THAT(by_technician.body, HasSubstr("workorders:create"));

  EXPECT_EQ(http().Get("/api/v1/appointments").status, 401);
  EXPECT_EQ(http().Get("/api/v1/appointments/999999999", agent).status, 404);
}

TEST_P(AppointmentApi, ThePortalBooksWithTheLastFourDigitsAndShowsNothingPersonal) {
  const std::string agent = LoginAs("agent01");
  const nlohmann::json account = Account(agent);
  const nlohmann::json slots = PlanSlots(account, 43, 2);
  const std::string account_no = account["account_no"];
  const std::string phone = ServedCity::FirstCustomerPhone();
  const std::string last4 = phone.substr(phone.size() - 4);

  HttpReply listed = http().Get("/api/v1/public/appointment-slots?service=" + Repair(account) +
                                "&account_no=" + account_no);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_FALSE(listed.Json()["slots"].empty());
  EXPECT_THAT(listed.body, Not(HasSubstr("district_id")));
  EXPECT_THAT(listed.body, Not(HasSubstr("team_id")));

  nlohmann::json body{{"account_no", account_no},
                      {"phone_last4", last4 == "0000" ? "1111" : "0000"},
                      {"service", Repair(account)},
                      {"slot_id", slots[1]["id"]}};
  HttpReply wrong = http().Post("/api/v1/public/appointments", body.dump());
  EXPECT_EQ(wrong.status, 404) << wrong.body;
  body["phone_last4"] = "12a4";
  EXPECT_EQ(http().Post("/api/v1/public/appointments", body.dump()).Json().value("field", ""),
            "phone_last4");

  body["phone_last4"] = last4;
  HttpReply booked = http().Post("/api/v1/public/appointments", body.dump());
  ASSERT_EQ(booked.status, 201) << booked.body;
  EXPECT_EQ(booked.Json()["state"], "booked");
  for (const char* hidden : {"account_no", "customer_id", "account_id", "work_order_id", "note",
                             "created_by", "district_id"}) {
    EXPECT_FALSE(booked.Json().contains(hidden)) << hidden << " leaked: " << booked.body;
  }
  EXPECT_THAT(booked.body, Not(HasSubstr(phone)));

  const std::string code = booked.Json()["tracking_code"];
  HttpReply tracked = http().Get("/api/v1/track/" + code);
  ASSERT_EQ(tracked.status, 200) << tracked.body;
  EXPECT_EQ(tracked.Json()["type"], "appointment") << tracked.body;
}

}  // namespace

LIFELINE_CITY_ON_BOTH_BACKENDS(AppointmentApi);

}  // namespace lifeline::testing
