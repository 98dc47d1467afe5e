// Outages with their affected nodes, and announcements. Plain storage: the rules live in
// OutageService.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/common/error.h"
#include "core/outages/announcement.h"
#include "core/outages/outage.h"

namespace lifeline {

// The open outages that reach one account.
struct AccountOutages {
  std::int64_t account_id = 0;
  std::vector<Outage> outages;
};

struct OutageFilter {
  bool open_only = false;
  std::optional<Utility> utility;
  std::int64_t limit = 100;
};

class OutageRepository {
 public:
  virtual ~OutageRepository() = default;
  virtual Result<std::int64_t> Insert(const Outage& outage) = 0;
  virtual Result<Outage> FindById(std::int64_t id) = 0;
  // Writes state, times and version if the stored version is still `expected_version`;
  // kConflict (nothing written) if someone changed the outage in between.
  virtual Status Update(const Outage& outage, std::int64_t expected_version) = 0;
  // Newest first.
  virtual Result<std::vector<Outage>> List(const OutageFilter& filter) = 0;
  // The open outages reaching each of the customer's accounts: an outage of the account's
  // utility on a node of its premise's path (unit, building, community, district, and the
  // network nodes feeding the community). Accounts no outage reaches are left out.
  virtual Result<std::vector<AccountOutages>> OpenForCustomer(std::int64_t customer_id) = 0;
};

class AnnouncementRepository {
 public:
  virtual ~AnnouncementRepository() = default;
  virtual Result<std::int64_t> Insert(const Announcement& announcement) = 0;
  virtual Result<Announcement> FindById(std::int64_t id) = 0;
  // Current at `now`, newest first; only public ones when `public_only`.
  virtual Result<std::vector<Announcement>> Current(TimeMs now, bool public_only) = 0;
  virtual Status Withdraw(std::int64_t id, TimeMs now) = 0;
};

}  // namespace lifeline
