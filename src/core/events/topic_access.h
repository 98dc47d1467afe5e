// Who may follow which event topics. Subscribing needs events:subscribe; each topic further
// needs the permission that reading its records needs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/events/domain_event.h"
#include "core/identity/principal.h"

namespace lifeline {

// The topics Lifeline emits today, with the permission each needs.
std::vector<std::string> KnownTopics();

bool MayReadTopic(const Principal& principal, std::string_view topic);

// The topics to deliver for a subscription request: all readable ones when `requested` is
// empty; otherwise exactly `requested`, or kForbidden/kInvalidArgument naming the first topic
// that is not allowed or not known.
[[nodiscard]] Result<std::vector<std::string>> ResolveTopics(
    const Principal& principal, const std::vector<std::string>& requested);

// Personal topics carry one user's events (subject "user/<id>"): anyone signed in may follow
// them, events:subscribe or not, and receives only their own.
bool IsPersonalTopic(std::string_view topic);
std::string PersonalSubject(std::int64_t user_id);
// False only for a personal-topic event addressed to someone other than `user_id`.
bool DeliverableTo(const StoredEvent& event, std::int64_t user_id);

}  // namespace lifeline
