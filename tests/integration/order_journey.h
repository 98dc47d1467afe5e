// A work order's way through the served demo city, for tests that need one at some step: created
// for the first customer from the screen pop, assigned to a technician serving its district,
// moved on by transitions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "tests/integration/served_city.h"

namespace lifeline::testing {

// The first demo customer, as the screen pop for their phone returns them.
inline nlohmann::json FirstCustomer(const HttpClient& http, const std::string& token) {
  HttpReply pop = http.Get("/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone(), token);
  EXPECT_EQ(pop.status, 200) << pop.body;
  return pop.Json()["items"][0];
}

// A leaf of the default category tree for the account's utility.
inline std::string RepairCategoryFor(const std::string& utility) {
  if (utility == "water") return "water.quality.yellow";
  if (utility == "heat") return "heat.temperature.cold";
  return "gas.supply.none";
}

// A repair for the first customer's first account, as an agent records it from the call.
inline nlohmann::json CreateRepairForFirstCustomer(const HttpClient& http,
                                                   const std::string& agent) {
  const nlohmann::json customer = FirstCustomer(http, agent);
  const nlohmann::json account = customer["accounts"][0];
  const nlohmann::json body{{"type", "repair"},
                            {"category", RepairCategoryFor(account["utility"])},
                            {"title", "用户来电报修"},
                            {"description", "家中来水发黄/暖气不热/无气"},
                            {"customer_id", customer["id"]},
                            {"account_id", account["id"]},
                            {"contact_name", "王女士"},
                            {"contact_phone", "13912345678"}};
  HttpReply created = http.Post("/api/v1/work-orders", body.dump(), agent);
  EXPECT_EQ(created.status, 201) << created.body;
  return created.Json();
}

inline HttpReply Step(const HttpClient& http, std::int64_t id, const nlohmann::json& body,
                      const std::string& token) {
  return http.Post("/api/v1/work-orders/" + std::to_string(id) + "/transitions", body.dump(),
                   token);
}

// A technician whose branch serves `district_id` (one per branch is tried): their token and
// their /auth/me.
inline std::pair<std::string, nlohmann::json> TechnicianFor(const HttpClient& http,
                                                            std::int64_t district_id) {
  for (const char* name : {"tech01", "tech11", "tech21", "tech31"}) {
    const std::string token = http.Login(name, kDemoPassword);
    const nlohmann::json me = http.Get("/api/v1/auth/me", token).Json();
    for (const auto& d : me["district_scope"]) {
      if (d == district_id) return {token, me};
    }
  }
  ADD_FAILURE() << "no technician serves district " << district_id;
  return {};
}

}  // namespace lifeline::testing
