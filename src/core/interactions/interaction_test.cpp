#include "core/interactions/interaction.h"

#include <gtest/gtest.h>

namespace lifeline {
namespace {

Interaction Valid() {
  Interaction i;
  i.summary = "来电反映水黄，已告知冲洗管道";
  i.started_at = 1000;
  i.ended_at = 2000;
  return i;
}

TEST(Interactions, ChannelsAndDirectionsRoundTripThroughTheirCodes) {
  for (Channel c : {Channel::kPhone, Channel::kChat, Channel::kSms, Channel::kWechat,
                    Channel::kEmail, Channel::kHotline12345, Channel::kPortal, Channel::kWalkIn}) {
    EXPECT_EQ(ParseChannel(ChannelCode(c)), c);
  }
  EXPECT_EQ(ParseDirection("outbound"), Direction::kOutbound);
  EXPECT_FALSE(ParseChannel("fax").has_value());
}

TEST(Interactions, ValidationNamesTheField) {
  EXPECT_TRUE(ValidateInteraction(Valid()).has_value());
  Interaction empty = Valid();
  empty.summary.clear();
  EXPECT_EQ(ValidateInteraction(empty).error().field, "summary");
  Interaction backwards = Valid();
  backwards.ended_at = 500;
  EXPECT_EQ(ValidateInteraction(backwards).error().field, "ended_at");
  Interaction orphan = Valid();
  orphan.account_id = 7;
  EXPECT_EQ(ValidateInteraction(orphan).error().field, "customer_id");
}

}  // namespace
}  // namespace lifeline
