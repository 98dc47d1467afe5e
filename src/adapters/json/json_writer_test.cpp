#include "adapters/json/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace lifeline::json {
namespace {

TEST(JsonWriter, WritesNestedValuesWithCommasInTheRightPlaces) {
  JsonWriter w;
  w.BeginObject().Field("id", std::int64_t{7}).Field("name", "王伟").Key("tags").BeginArray();
  w.String("a").Int(-1).Bool(true).Null().Double(1.5).EndArray();
  w.Key("empty").BeginObject().EndObject().Key("raw").Raw(R"({"x":1})").EndObject();
  EXPECT_EQ(w.str(),
            R"({"id":7,"name":"王伟","tags":["a",-1,true,null,1.5],"empty":{},"raw":{"x":1}})");
  EXPECT_FALSE(nlohmann::json::parse(w.str(), nullptr, false).is_discarded());
}

TEST(JsonWriter, EscapesControlCharactersAndReplacesInvalidUtf8) {
  JsonWriter w;
  w.BeginArray().String(std::string("a\"b\\c\n\x01", 7)).String("\xff\xfe ok \xe4\xb8").EndArray();
  auto parsed = nlohmann::json::parse(w.str());  // throws if not valid JSON/UTF-8
  EXPECT_EQ(parsed[0], std::string("a\"b\\c\n\x01", 7));
  EXPECT_EQ(parsed[1], "\xEF\xBF\xBD\xEF\xBF\xBD ok \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(JsonWriter, NonFiniteNumbersBecomeNull) {
  JsonWriter w;
  w.BeginArray().Double(1.0 / 0.0).EndArray();
  EXPECT_EQ(w.str(), "[null]");
}

}  // namespace
}  // namespace lifeline::json
