#include "adapters/http/router.h"

#include <gtest/gtest.h>

namespace lifeline::http {
namespace {

Response Named(std::string name) {
  return JsonResponse(200, std::move(name));
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add(Method::kGet, "/api/v1/users", RouteAccess::kPublic, RouteExecution::kInline,
                [](RouteContext&) { return Named("list"); });
    router_.Add(Method::kPost, "/api/v1/users", RouteAccess::kPublic, RouteExecution::kWorker,
                [](RouteContext&) { return Named("add"); });
    router_.Add(Method::kGet, "/api/v1/users/{id}", RouteAccess::kAuthenticated,
                RouteExecution::kInline,
                [](RouteContext& c) { return Named(std::string(c.Param("id"))); });
  }
  Router router_;
};

TEST_F(RouterTest, MatchesMethodAndPathWithParameters) {
  RouteMatch match = router_.Match(Method::kGet, "/api/v1/users/42");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/users/{id}");
  ASSERT_EQ(match.params.size(), 1u);
  EXPECT_EQ(match.params[0].second, "42");
}

TEST_F(RouterTest, AuthenticatedRoutesAlwaysRunOnWorkers) {
  EXPECT_EQ(router_.Match(Method::kGet, "/api/v1/users/1").route->execution,
            RouteExecution::kWorker);
}

TEST_F(RouterTest, KnownPathWithAnotherMethodListsWhatIsAllowed) {
  RouteMatch match = router_.Match(Method::kDelete, "/api/v1/users");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed, (std::vector<Method>{Method::kGet, Method::kPost}));
}

TEST_F(RouterTest, HeadIsServedByGet) {
  EXPECT_NE(router_.Match(Method::kHead, "/api/v1/users").route, nullptr);
}

TEST_F(RouterTest, UnknownAndEmptySegmentsDoNotMatch) {
  EXPECT_EQ(router_.Match(Method::kGet, "/api/v1/users/").route, nullptr);
  EXPECT_EQ(router_.Match(Method::kGet, "/api/v1/users/1/x").route, nullptr);
  EXPECT_TRUE(router_.Match(Method::kGet, "/nothing").allowed.empty());
}

TEST(RouterBodyLimit, AnUploadRouteRaisesItsOwnLimitOnly) {
  Router router;
  router.Add(Method::kPost, "/api/v1/things", RouteAccess::kPublic, RouteExecution::kWorker,
             [](RouteContext&) { return Named("json"); });
  router.Add(
      Method::kPost, "/api/v1/things/{id}/files", RouteAccess::kPublic, RouteExecution::kWorker,
      [](RouteContext&) { return Named("upload"); }, 10u << 20);
  EXPECT_EQ(router.BodyLimit(Method::kPost, "/api/v1/things", 1024), 1024u);
  EXPECT_EQ(router.BodyLimit(Method::kPost, "/api/v1/things/7/files", 1024), 10u << 20);
  EXPECT_EQ(router.BodyLimit(Method::kPut, "/api/v1/things/7/files", 1024), 1024u)
      << "another method on the same path keeps the server's limit";
  EXPECT_EQ(router.BodyLimit(Method::kPost, "/nowhere", 1024), 1024u);
  EXPECT_EQ(router.LargestBodyLimit(), 10u << 20);
}

}  // namespace
}  // namespace lifeline::http
