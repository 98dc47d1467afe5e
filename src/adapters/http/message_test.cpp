#include "adapters/http/message.h"

#include <gtest/gtest.h>

#include "adapters/http/problem.h"

namespace lifeline::http {
namespace {

TEST(Message, QueryParametersArePercentDecoded) {
  Request request;
  ASSERT_TRUE(SplitTarget("/api/v1/customers?phone=%2B86%20138+1234&empty&x=1&x=2", request.path,
                          request.query));
  EXPECT_EQ(request.path, "/api/v1/customers");
  EXPECT_EQ(request.QueryParam("phone").value(), "+86 138 1234");
  EXPECT_EQ(request.QueryParam("empty").value(), "");
  EXPECT_EQ(request.QueryParam("x").value(), "1");
  EXPECT_FALSE(request.QueryParam("absent").has_value());
}

TEST(Message, TargetsThatCouldEscapeTheirMeaningAreRefused) {
  std::string path, query;
  EXPECT_FALSE(SplitTarget("relative", path, query));
  EXPECT_FALSE(SplitTarget("/a/../etc/passwd", path, query));
  EXPECT_FALSE(SplitTarget("/a/%2e%2e/b", path, query));
  EXPECT_FALSE(SplitTarget("/a%00b", path, query));
  EXPECT_TRUE(SplitTarget("/assets/app.js", path, query));
}

TEST(Message, CommaListsSkipEmptyItems) {
  EXPECT_EQ(SplitCommaList("user,,auth,"), (std::vector<std::string>{"user", "auth"}));
  EXPECT_TRUE(SplitCommaList("").empty());
}

TEST(Problem, EveryErrorCodeHasAStatusAndTitlesInBothLanguages) {
  EXPECT_EQ(HttpStatusOf(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusOf(ErrorCode::kConflict), 409);
  EXPECT_EQ(HttpStatusOf(ErrorCode::kLocked), 423);
  EXPECT_EQ(HttpStatusOf(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(ProblemTitle(ErrorCode::kNotFound, Locale::kZhCn), "未找到");
  EXPECT_EQ(ProblemTitle(ErrorCode::kNotFound, Locale::kEn), "Not found");
  EXPECT_EQ(PickLocale("en-US,en;q=0.9"), Locale::kEn);
  EXPECT_EQ(PickLocale("zh-CN,zh;q=0.9,en;q=0.8"), Locale::kZhCn);
  EXPECT_EQ(PickLocale(""), Locale::kZhCn);
}

TEST(Problem, InternalErrorsDoNotLeakTheirDetail) {
  Response response = ProblemResponse(Error::Internal("password hash column broken"), Locale::kEn);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("password hash"), std::string::npos);
}

}  // namespace
}  // namespace lifeline::http
