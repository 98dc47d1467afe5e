#include "core/dispatch/solomon_reader.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "core/common/rng.h"

namespace lifeline::dispatch {
namespace {

constexpr std::string_view kSmall = R"(C1X

VEHICLE
NUMBER     CAPACITY
  3         200

CUSTOMER
CUST NO.   XCOORD.   YCOORD.    DEMAND   READY TIME   DUE DATE   SERVICE TIME

    0      40         50          0          0       1236          0
    1      45         68         10        912        967         90
    7      45         70         30        825        870         90
)";

TEST(SolomonReader, ReadsTheHeaderAndEveryNode) {
  const Result<SolomonInstance> instance = ReadSolomon(kSmall);
  ASSERT_TRUE(instance) << instance.error().message;
  EXPECT_EQ(instance->name, "C1X");
  EXPECT_EQ(instance->vehicle_count, 3);
  EXPECT_EQ(instance->capacity, 200);
  ASSERT_EQ(instance->nodes.size(), 3u);
  EXPECT_EQ(instance->nodes[0].due_date, 1236);
  const SolomonNode& last = instance->nodes[2];
  EXPECT_EQ(last.number, 7);
  EXPECT_EQ(last.x, 45);
  EXPECT_EQ(last.y, 70);
  EXPECT_EQ(last.demand, 30);
  EXPECT_EQ(last.ready_time, 825);
  EXPECT_EQ(last.due_date, 870);
  EXPECT_EQ(last.service_time, 90);
}

TEST(SolomonReader, AcceptsWindowsLineEndsAndNoColumnTitles) {
  const std::string text =
      "R\r\nVEHICLE\r\n2 10\r\nCUSTOMER\r\n0 0 0 0 0 100 0\r\n1 1.5 2.5 3 0 50 1.25\r\n";
  const Result<SolomonInstance> instance = ReadSolomon(text);
  ASSERT_TRUE(instance) << instance.error().message;
  ASSERT_EQ(instance->nodes.size(), 2u);
  EXPECT_DOUBLE_EQ(instance->nodes[1].x, 1.5);
  EXPECT_DOUBLE_EQ(instance->nodes[1].service_time, 1.25);
}

TEST(SolomonReader, ADepotAloneIsAnInstanceWithoutCustomers) {
  const Result<SolomonInstance> instance =
      ReadSolomon("E\nVEHICLE\n1 1\nCUSTOMER\n0 0 0 0 0 9 0\n");
  ASSERT_TRUE(instance) << instance.error().message;
  EXPECT_EQ(instance->nodes.size(), 1u);
}

struct BadInput {
  const char* label;
  std::string text;
  std::string message_part;  // the error names the line and the problem
};

// Test logs show the case's label, not the struct's bytes.
void PrintTo(const BadInput& input, std::ostream* out) {
  *out << input.label;
}

class SolomonReaderErrors : public ::testing::TestWithParam<BadInput> {};

TEST_P(SolomonReaderErrors, NamesTheLine) {
  const Result<SolomonInstance> instance = ReadSolomon(GetParam().text);
  ASSERT_FALSE(instance);
  EXPECT_EQ(instance.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(instance.error().message.find(GetParam().message_part), std::string::npos)
      << instance.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, SolomonReaderErrors,
    ::testing::Values(
        BadInput{"Empty", "", "empty"},
        BadInput{"NoVehicleSection", "X\nCUSTOMER\n", "line 2: expected the VEHICLE section"},
        BadInput{"VehicleDataMissing", "X\nVEHICLE\nNUMBER CAPACITY\n", "missing vehicle data"},
        BadInput{"ThreeVehicleFields", "X\nVEHICLE\n1 2 3\n", "line 3: expected vehicle NUMBER"},
        BadInput{"ZeroVehicles", "X\nVEHICLE\n0 10\nCUSTOMER\n0 0 0 0 0 1 0\n",
                 "line 3: vehicle number"},
        BadInput{"FractionalCapacity", "X\nVEHICLE\n2 10.5\n", "line 3: capacity"},
        BadInput{"NoCustomerSection", "X\nVEHICLE\n2 10\n", "expected the CUSTOMER section"},
        BadInput{"NoDepot", "X\nVEHICLE\n2 10\nCUSTOMER\nCUST NO.\n", "no depot"},
        BadInput{"ShortRow", "X\nVEHICLE\n2 10\nCUSTOMER\n0 0 0 0 0 9 0\n1 2 3\n",
                 "line 6: expected 7 numbers"},
        BadInput{"NotANumber", "X\nVEHICLE\n2 10\nCUSTOMER\n0 0 0 0 0 9 0\n1 2 x 4 5 6 7\n",
                 "line 6: field 3"},
        BadInput{"Infinite", "X\nVEHICLE\n2 10\nCUSTOMER\n0 0 0 0 0 9 0\n1 2 inf 4 5 6 7\n",
                 "line 6: field 3"},
        BadInput{"NegativeDemand", "X\nVEHICLE\n2 10\nCUSTOMER\n0 0 0 0 0 9 0\n1 2 3 -4 5 6 7\n",
                 "line 6: demand"},
        BadInput{"NegativeService", "X\nVEHICLE\n2 10\nCUSTOMER\n0 0 0 0 0 9 0\n1 2 3 4 5 6 -7\n",
                 "line 6: service time"},
        BadInput{"RepeatedNumber", "X\nVEHICLE\n2 10\nCUSTOMER\n0 0 0 0 0 9 0\n0 2 3 4 5 6 7\n",
                 "line 6: customer number 0 repeats"}),
    [](const ::testing::TestParamInfo<BadInput>& param) { return param.param.label; });

TEST(SolomonReader, RefusesMoreCustomersThanTheLimit) {
  std::string text = "X\nVEHICLE\n2 10\nCUSTOMER\n";
  for (std::size_t i = 0; i <= kMaxSolomonCustomers + 1; ++i) {
    text += std::to_string(i) + " 1 1 1 0 100 1\n";
  }
  const Result<SolomonInstance> instance = ReadSolomon(text);
  ASSERT_FALSE(instance);
  EXPECT_EQ(instance.error().code, ErrorCode::kTooLarge);
}

// The reader is fuzzed; this is the cheap always-on version: random bytes and random damage to
// a valid file must give a value or an error, never a crash.
TEST(SolomonReader, SurvivesGarbage) {
  Rng rng(7);
  const std::string valid(kSmall);
  for (int round = 0; round < 2000; ++round) {
    std::string text = valid;
    const int edits = static_cast<int>(rng.Between(1, 8));
    for (int e = 0; e < edits; ++e) {
      const auto at = static_cast<std::size_t>(rng.Below(text.size() + 1));
      const char byte = static_cast<char>(rng.Below(256));
      switch (rng.Below(3)) {
        case 0:
          text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), byte);
          break;
        case 1:
          if (at < text.size()) text.erase(at, 1);
          break;
        default:
          if (at < text.size()) text[at] = byte;
          break;
      }
    }
    if (round % 4 == 0) {
      text.resize(static_cast<std::size_t>(rng.Below(64)));
      for (char& c : text) c = static_cast<char>(rng.Below(256));
    }
    const Result<SolomonInstance> instance = ReadSolomon(text);
    if (instance) {
      EXPECT_FALSE(instance->nodes.empty());
    } else {
      EXPECT_FALSE(instance.error().message.empty());
    }
  }
}

}  // namespace
}  // namespace lifeline::dispatch
