#include "core/customers/phone_number.h"

#include <gtest/gtest.h>

namespace lifeline {
namespace {

TEST(NormalizePhone, AcceptsTheWaysPeopleWriteMobileNumbers) {
  for (const char* raw : {"13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678",
                          "+8613812345678", "008613812345678", "8613812345678"}) {
    auto normalized = NormalizePhone(raw);
    ASSERT_TRUE(normalized.has_value()) << raw << ": " << normalized.error().message;
    EXPECT_EQ(*normalized, "13812345678") << raw;
  }
}

TEST(NormalizePhone, KeepsLandlineAreaCodesAndServiceNumbers) {
  EXPECT_EQ(NormalizePhone("(0527) 8300-1234").value(), "052783001234");
  EXPECT_EQ(NormalizePhone("025-8300 1234").value(), "02583001234");
  EXPECT_EQ(NormalizePhone("95598").value(), "95598");
  EXPECT_EQ(NormalizePhone("12345").value(), "12345");
}

TEST(NormalizePhone, RefusesWhatIsNotAPhoneNumberNamingTheField) {
  for (const char* raw : {"", "1234", "abc", "138123456789012", "1381234567", "1' OR '1'='1", "+",
                          "++8613812345678", "138\n12345678"}) {
    auto normalized = NormalizePhone(raw);
    ASSERT_FALSE(normalized.has_value()) << raw;
    EXPECT_EQ(normalized.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(normalized.error().field, "phone");
  }
}

// Found by fuzz_text: two country codes in a row normalised to a number that normalised again
// to something else.
TEST(NormalizePhone, NormalisingIsAFixedPoint) {
  for (const char* raw :
       {"+86 0086.121-5678", "0086 0086 13812345678", "+86 13812345678", "0086-010-12345678"}) {
    auto once = NormalizePhone(raw);
    if (!once) continue;
    auto twice = NormalizePhone(*once);
    ASSERT_TRUE(twice.has_value()) << raw;
    EXPECT_EQ(*twice, *once) << raw;
  }
  EXPECT_FALSE(NormalizePhone("+86 0086.121-5678").has_value());
}

}  // namespace
}  // namespace lifeline
