// Bad input gets a clear error naming what is wrong, and changes nothing.
#include <gmock/gmock.h>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;

class BadInput : public CityTest {
 protected:
  static void ExpectProblem(const HttpReply& reply, int status, const std::string& field = "") {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_THAT(reply.Header("content-type"), HasSubstr("application/problem+json"));
    auto problem = reply.Json();
    EXPECT_EQ(problem["status"], status);
    EXPECT_FALSE(problem.value("title", "").empty());
    if (!field.empty()) {
      EXPECT_EQ(problem.value("field", ""), field) << reply.body;
    }
  }
};

TEST_P(BadInput, MalformedJsonSaysWhere) {
  HttpReply reply = http().Post("/api/v1/auth/login", R"({"username": "agent01", )");
  ExpectProblem(reply, 400);
  EXPECT_THAT(reply.Json()["detail"].get<std::string>(), HasSubstr("at byte"));
}

TEST_P(BadInput, WrongTypesAndMissingFieldsNameTheField) {
  ExpectProblem(http().Post("/api/v1/auth/login", R"({"username": 7, "password": "x"})"), 400,
                "username");
  ExpectProblem(http().Post("/api/v1/auth/login", R"({"username": "agent01"})"), 400, "password");
  ExpectProblem(http().Post("/api/v1/auth/login", R"(["not", "an", "object"])"), 400);
  const std::string admin = LoginAs("admin");
  ExpectProblem(
      http().Post(
          "/api/v1/users",
          R"({"username":"new1","display_name":"新人","role":"wizard","org_unit_id":1,"password":"Passw0rd1"})",
          admin),
      400, "role");
  ExpectProblem(
      http().Post(
          "/api/v1/users",
          R"({"username":"new1","display_name":"新人","role":"agent","org_unit_id":"one","password":"Passw0rd1"})",
          admin),
      400, "org_unit_id");
}

TEST_P(BadInput, SqlMetacharactersAreJustText) {
  ExpectProblem(
      http().Post(
          "/api/v1/auth/login",
          R"({"username": "admin' OR '1'='1' --", "password": "x' OR 1=1; DROP TABLE users; --"})"),
      401);
  const std::string token = LoginAs("agent01");
  ExpectProblem(http().Get("/api/v1/customers?phone=1'%20OR%20'1'='1", token), 400, "phone");
  const std::string auditor = LoginAs("auditor01");
  HttpReply audit = http().Get("/api/v1/audit?actor=x'%20OR%201=1%20--", auditor);
  EXPECT_EQ(audit.status, 200);
  EXPECT_EQ(audit.Json()["items"].size(), 0u);
  EXPECT_EQ(
      http().Post("/api/v1/auth/login", R"({"username":"admin","password":"Lifeline2026"})").status,
      200);
}

TEST_P(BadInput, UnknownRoutesAndWrongMethods) {
  ExpectProblem(http().Get("/api/v1/nothing-here"), 404);
  HttpReply wrong = http().Send("PUT", "/api/v1/auth/login", "{}", {});
  ExpectProblem(wrong, 405);
  EXPECT_EQ(wrong.Header("allow"), "POST");
}

TEST_P(BadInput, OversizeBodiesAreRefusedBeforeTheyAreRead) {
  const std::string huge(2 << 20, 'x');
  HttpReply reply = http().Post("/api/v1/auth/login", huge);
  EXPECT_EQ(reply.status, 413);
}

TEST_P(BadInput, ForgedExpiredAndMissingTokens) {
  ExpectProblem(http().Get("/api/v1/auth/me"), 401);
  ExpectProblem(http().Get("/api/v1/auth/me", "lls_forged"), 401);
  ExpectProblem(http().Get("/api/v1/auth/me", "llk_forged"), 401);
  HttpReply basic =
      http().Send("GET", "/api/v1/auth/me", "", {{"Authorization", "Basic YWRtaW46YWRtaW4="}});
  ExpectProblem(basic, 401);
  EXPECT_EQ(basic.Header("www-authenticate"), "Bearer");
  const std::string token = LoginAs("agent02");
  ASSERT_EQ(http().Post("/api/v1/auth/logout", "", token).status, 204);
  ExpectProblem(http().Get("/api/v1/auth/me", token), 401);
}

TEST_P(BadInput, ForbiddenIsNotUnauthenticated) {
  const std::string agent = LoginAs("agent03");
  ExpectProblem(http().Get("/api/v1/audit", agent), 403);
  ExpectProblem(http().Post("/api/v1/users", R"({"username":"x"})", agent),
                400);  // validated first
  ExpectProblem(http().Get("/api/v1/api-keys", agent), 403);
}

TEST_P(BadInput, GarbageOnTheWireGetsA400AndTheServerCarriesOn) {
  EXPECT_THAT(http().Raw("GARBAGE\r\n\r\n"), HasSubstr("400"));
  EXPECT_THAT(http().Raw("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"),
              HasSubstr("400"));
  EXPECT_THAT(http().Raw(std::string("GET /\0/x HTTP/1.1\r\n\r\n", 22)), HasSubstr("HTTP/1.1 4"));
  EXPECT_EQ(http().Get("/healthz").status, 200);
}

TEST_P(BadInput, ANewUserWithAnInvalidFieldLeavesNoTrace) {
  const std::string admin = LoginAs("admin");
  HttpReply refused = http().Post(
      "/api/v1/users",
      R"({"username":"ghost.user","display_name":"幽灵","role":"agent","org_unit_id":1,"password":"short"})",
      admin);
  ExpectProblem(refused, 400, "password");
  HttpReply users = http().Get("/api/v1/users", admin);
  const nlohmann::json listed = users.Json()["items"];  // kept: the loop must not outlive it
  ASSERT_FALSE(listed.empty());
  for (const auto& user : listed) EXPECT_NE(user["username"], "ghost.user");
}

LIFELINE_CITY_ON_BOTH_BACKENDS(BadInput);

}  // namespace
}  // namespace lifeline::testing
