// A published notice (公告): with an outage ("3 号计量分区 14:00–18:00 停水") or on its own (the
// heating season starts on 15 November). Public ones reach the portal and the IVR; staff ones
// only the desk.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/error.h"
#include "core/common/time.h"
#include "core/customers/customer.h"

namespace lifeline {

enum class Audience { kPublic, kStaff };

std::string_view AudienceCode(Audience audience);
std::optional<Audience> ParseAudience(std::string_view code);

struct Announcement {
  std::int64_t id = 0;
  std::string title;
  std::string body;
  Audience audience = Audience::kPublic;
  std::optional<Utility> utility{};
  std::optional<std::int64_t> outage_id{};
  TimeMs valid_from = 0;
  TimeMs valid_until = 0;
  std::int64_t created_by = 0;
  TimeMs created_at = 0;
};

bool IsCurrent(const Announcement& announcement, TimeMs now);
Status ValidateAnnouncement(const Announcement& announcement);

}  // namespace lifeline
