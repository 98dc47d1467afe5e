#include "core/outages/announcement.h"

#include <array>

#include "core/common/enum_codes.h"

namespace lifeline {

namespace {

constexpr std::array kAllAudiences{Audience::kPublic, Audience::kStaff};
constexpr std::size_t kMaxTitleBytes = 300;   // about 100 Chinese characters
constexpr std::size_t kMaxBodyBytes = 15000;  // about 5,000

}  // namespace

std::string_view AudienceCode(Audience audience) {
  switch (audience) {
    case Audience::kPublic:
      return "public";
    case Audience::kStaff:
      return "staff";
  }
  return "public";
}

std::optional<Audience> ParseAudience(std::string_view code) {
  return ParseEnumCode(kAllAudiences, code, AudienceCode);
}

bool IsCurrent(const Announcement& announcement, TimeMs now) {
  return announcement.valid_from <= now && now < announcement.valid_until;
}

Status ValidateAnnouncement(const Announcement& announcement) {
  if (announcement.title.empty() || announcement.title.size() > kMaxTitleBytes) {
    return Fail(Error::Invalid("title", "title must be 1 to 100 characters"));
  }
  if (announcement.body.empty() || announcement.body.size() > kMaxBodyBytes) {
    return Fail(Error::Invalid("body", "body must be 1 to 5,000 characters"));
  }
  if (announcement.valid_until <= announcement.valid_from) {
    return Fail(Error::Invalid("valid_until", "valid_until must be after valid_from"));
  }
  return Ok();
}

}  // namespace lifeline
