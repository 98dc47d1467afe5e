#pragma once

#include "adapters/storage/db.h"
#include "core/ports/outage_repository.h"

namespace lifeline::storage {

class SqlOutageRepository final : public OutageRepository {
 public:
  explicit SqlOutageRepository(Connection& connection) : connection_(connection) {}
  Result<std::int64_t> Insert(const Outage& outage) override;
  Result<Outage> FindById(std::int64_t id) override;
  Status Update(const Outage& outage, std::int64_t expected_version) override;
  Result<std::vector<Outage>> List(const OutageFilter& filter) override;
  Result<std::vector<AccountOutages>> OpenForCustomer(std::int64_t customer_id) override;

 private:
  Status LoadNodes(std::vector<Outage>& outages);

  Connection& connection_;
};

class SqlAnnouncementRepository final : public AnnouncementRepository {
 public:
  explicit SqlAnnouncementRepository(Connection& connection) : connection_(connection) {}
  Result<std::int64_t> Insert(const Announcement& announcement) override;
  Result<Announcement> FindById(std::int64_t id) override;
  Result<std::vector<Announcement>> Current(TimeMs now, bool public_only) override;
  Status Withdraw(std::int64_t id, TimeMs now) override;

 private:
  Connection& connection_;
};

}  // namespace lifeline::storage
