#include "core/events/topic_access.h"

#include <algorithm>
#include <array>
#include <utility>

namespace lifeline {

namespace {

constexpr std::array<std::pair<std::string_view, Permission>, 9> kTopics{{
    {"auth", Permission::kUserRead},
    {"user", Permission::kUserRead},
    {"org", Permission::kOrgRead},
    {"customer", Permission::kCustomerRead},
    {"outage", Permission::kCustomerRead},
    {"dispatch", Permission::kDispatchPlan},
    {"workorder", Permission::kWorkOrderRead},
    {"appointment", Permission::kWorkOrderRead},
    {"customer_message", Permission::kCustomerMessageRead},
}};

constexpr std::array<std::string_view, 1> kPersonalTopics{"notification"};

}  // namespace

std::vector<std::string> KnownTopics() {
  std::vector<std::string> topics;
  for (const auto& [topic, permission] : kTopics) topics.emplace_back(topic);
  for (std::string_view topic : kPersonalTopics) topics.emplace_back(topic);
  return topics;
}

bool IsPersonalTopic(std::string_view topic) {
  return std::ranges::find(kPersonalTopics, topic) != kPersonalTopics.end();
}

std::string PersonalSubject(std::int64_t user_id) {
  return "user/" + std::to_string(user_id);
}

bool DeliverableTo(const StoredEvent& event, std::int64_t user_id) {
  return !IsPersonalTopic(event.topic) ||
         (user_id > 0 && event.subject == PersonalSubject(user_id));
}

bool MayReadTopic(const Principal& principal, std::string_view topic) {
  if (IsPersonalTopic(topic)) return principal.user_id > 0;
  if (!principal.Can(Permission::kEventsSubscribe)) return false;
  for (const auto& [known, permission] : kTopics) {
    if (known == topic) return principal.Can(permission);
  }
  return false;
}

Result<std::vector<std::string>> ResolveTopics(const Principal& principal,
                                               const std::vector<std::string>& requested) {
  const bool personal_only =
      !requested.empty() && std::ranges::all_of(requested, [](const std::string& topic) {
        return IsPersonalTopic(topic);
      });
  if (!personal_only) {
    if (auto s = principal.Require(Permission::kEventsSubscribe); !s) return Fail(s.error());
  }
  std::vector<std::string> topics;
  if (requested.empty()) {
    for (const auto& [topic, permission] : kTopics) {
      if (principal.Can(permission)) topics.emplace_back(topic);
    }
    for (std::string_view topic : kPersonalTopics) topics.emplace_back(topic);
    return topics;
  }
  for (const std::string& topic : requested) {
    bool known = IsPersonalTopic(topic);
    for (const auto& [name, permission] : kTopics) known |= name == topic;
    if (!known) return Fail(Error::Invalid("topics", "unknown topic: " + topic));
    if (!MayReadTopic(principal, topic)) {
      return Fail(Error::Forbidden("not allowed to follow topic: " + topic));
    }
    topics.push_back(topic);
  }
  return topics;
}

}  // namespace lifeline
