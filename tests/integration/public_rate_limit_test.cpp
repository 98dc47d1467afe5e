// The public portal routes are metered per client address: a flood from one address gets 429
// with Retry-After, while staff routes and health checks are not metered at all.
#include <gmock/gmock.h>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;

TEST(PublicRateLimit, AFloodFromOneAddressIsRefusedWithRetryAfter) {
  TestDatabase database(Backend::kSqlite);
  database.Close();
  ServerProcess::Options options = ServerProcess::Options::For(database.data_dir());
  options.env = {{"LIFELINE_SERVER_PUBLIC_REQUESTS_PER_MINUTE", "1"},
                 {"LIFELINE_SERVER_PUBLIC_BURST", "3"}};
  ServerProcess server(options);
  HttpClient http(server.port());

  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(http.Get("/api/v1/public/announcements").status, 200) << i;
  }
  HttpReply refused = http.Get("/api/v1/public/announcements");
  EXPECT_EQ(refused.status, 429) << refused.body;
  EXPECT_THAT(refused.Header("content-type"), HasSubstr("application/problem+json"));
  EXPECT_EQ(refused.Header("retry-after"), "60");
  // The same budget covers every portal route, tracking included.
  EXPECT_EQ(http.Get("/api/v1/track/AAAA-BBBB-CCCC").status, 429);
  // Health checks and the login are not metered by it.
  EXPECT_EQ(http.Get("/healthz").status, 200);
  EXPECT_NE(http.Post("/api/v1/auth/login", R"({"username":"x","password":"y"})").status, 429);
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace lifeline::testing
