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

}  // namespace
}  // namespace lifeline
