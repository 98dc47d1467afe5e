#include "core/customers/masking.h"

#include <gtest/gtest.h>

namespace lifeline {
namespace {

TEST(Masking, PhonesKeepTheirFirstThreeAndLastFourDigits) {
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
  EXPECT_EQ(MaskPhone("052783001234"), "052*****1234");
  EXPECT_EQ(MaskPhone("95598"), "9**98");
}

TEST(Masking, IdNumbersKeepFourAndFour) {
  EXPECT_EQ(MaskIdNumber("320902199001011234"), "3209**********1234");
  EXPECT_EQ(MaskIdNumber("1234567"), "*******");  // too short to show anything
}

TEST(Masking, NamesKeepTheFamilyNameCharacter) {
  EXPECT_EQ(MaskName("张三"), "张*");
  EXPECT_EQ(MaskName("欧阳娜娜"), "欧***");
  EXPECT_EQ(MaskName("王"), "王*");
  EXPECT_EQ(MaskName(""), "");
}

}  // namespace
}  // namespace lifeline
