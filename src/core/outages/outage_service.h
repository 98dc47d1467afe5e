// Outages and announcements: recording them, moving them through their states, and answering
// "is this account affected?" for the screen pop and the portal. Design:
// docs/design/outages.md.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/customers/customer.h"
#include "core/identity/principal.h"
#include "core/outages/announcement.h"
#include "core/outages/outage.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"

namespace lifeline {

// What an update may change; `expected_version` is the version the caller read.
struct OutageChange {
  std::int64_t expected_version = 0;
  std::optional<OutageAction> action{};
  std::optional<TimeMs> expected_restore_at{};
  std::string note{};
};

class OutageService {
 public:
  OutageService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  [[nodiscard]] Result<Outage> Create(const Principal& actor, Outage draft);
  [[nodiscard]] Result<Outage> Change(const Principal& actor, std::int64_t id,
                                      const OutageChange& change);
  [[nodiscard]] Result<Outage> Get(const Principal& actor, std::int64_t id);
  [[nodiscard]] Result<std::vector<Outage>> List(const Principal& actor,
                                                 const OutageFilter& filter);

  // For the screen pop: the customer's accounts (as the principal sees them, after data
  // scope) that an open outage reaches.
  [[nodiscard]] Result<std::vector<AccountOutages>> Affecting(const Principal& actor,
                                                              const Customer& customer);
  // For the portal, without a login: open outages reaching the account numbered `account_no`.
  // An unknown number is kNotFound. Outage titles and windows are public; nothing personal is.
  [[nodiscard]] Result<std::vector<Outage>> AffectingAccountNo(std::string_view account_no);

  [[nodiscard]] Result<Announcement> Publish(const Principal& actor, Announcement draft);
  [[nodiscard]] Status Withdraw(const Principal& actor, std::int64_t id);
  // Staff see every current announcement; the public (no principal) only public ones.
  [[nodiscard]] Result<std::vector<Announcement>> CurrentAnnouncements(const Principal* actor);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace lifeline
