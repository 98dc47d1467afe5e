#include "adapters/http/json_body.h"

#include <gtest/gtest.h>

namespace lifeline::http {
namespace {

TEST(JsonBody, ReadsTypedFieldsAndNamesTheOneThatIsWrong) {
  auto body =
      JsonBody::Parse(R"({"name":"张三","age":42,"tags":["a","b"],"ids":[1,2],"nothing":null})");
  ASSERT_TRUE(body.has_value());
  EXPECT_EQ(body->String("name").value(), "张三");
  EXPECT_EQ(body->Int("age", 0, 150).value(), 42);
  EXPECT_EQ(body->StringList("tags", 5).value(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(body->IntList("ids", 5).value(), (std::vector<std::int64_t>{1, 2}));
  EXPECT_FALSE(body->OptionalString("nothing").value().has_value());
  EXPECT_EQ(body->String("missing").error().field, "missing");
  EXPECT_EQ(body->Int("name", 0, 1).error().field, "name");
  EXPECT_EQ(body->Int("age", 0, 10).error().field, "age");
  EXPECT_EQ(body->String("name", 3).error().field, "name");  // longer than 3 bytes
  EXPECT_EQ(body->StringList("tags", 1).error().field, "tags");
}

TEST(JsonBody, RefusesWhatIsNotAnObject) {
  for (const char* text : {"", "[]", "42", "\"x\"", "{", R"({"a":})", "null"}) {
    auto body = JsonBody::Parse(text);
    ASSERT_FALSE(body.has_value()) << text;
    EXPECT_EQ(body.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(JsonBody, NumbersBeyondRangeAreAnErrorNotACrash) {
  // Found by fuzz_json_body: nlohmann reports these with out_of_range, not parse_error.
  auto body = JsonBody::Parse(R"({"a": 4E444444})");
  ASSERT_FALSE(body.has_value());
  EXPECT_EQ(body.error().code, ErrorCode::kInvalidArgument);
  auto huge = JsonBody::Parse(R"({"a": 18446744073709551615})");
  ASSERT_TRUE(huge.has_value());
  EXPECT_EQ(huge->Int("a", 0, INT64_MAX).error().field, "a");
}

TEST(JsonBody, DeepNestingIsRefused) {
  std::string deep = R"({"a":)" + std::string(40, '[') + std::string(40, ']') + "}";
  EXPECT_FALSE(JsonBody::Parse(deep).has_value());
}

}  // namespace
}  // namespace lifeline::http
