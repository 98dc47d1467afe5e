// Work orders over SQL: the orders (contact phone sealed like every phone number), their
// history, the deadline settings (sql_work_order_settings.cpp) and the customer's rating
// (sql_work_order_rating.cpp).
// history, the deadline settings (sql_work_order_settings.cpp), and the category tree, routing
// rules and open loads (sql_work_order_routing.cpp).
#pragma once

#include "adapters/crypto/pii_cipher.h"
#include "adapters/storage/db.h"
#include "core/ports/work_order_repository.h"

namespace lifeline::storage {

class SqlWorkOrderRepository final : public WorkOrderRepository {
 public:
  SqlWorkOrderRepository(Connection& connection, const crypto::PiiCipher& cipher)
      : connection_(connection), cipher_(cipher) {}

  Result<std::int64_t> Insert(const WorkOrder& order) override;
  Result<WorkOrder> FindById(std::int64_t id) override;
  Result<WorkOrder> FindByTrackingCode(std::string_view code) override;
  Status Update(const WorkOrder& order, std::int64_t expected_version) override;
  Result<std::int64_t> AppendTransition(const WorkOrderTransition& transition) override;
  Result<std::vector<WorkOrderTransition>> History(std::int64_t order_id) override;
  Result<WorkOrderPage> List(const WorkOrderFilter& filter) override;
  Result<std::vector<WorkOrder>> Children(std::int64_t parent_id) override;
  Result<std::vector<WorkOrder>> NewlyOverdue(TimeMs now, std::int64_t limit) override;
  Result<DeadlineSettings> LoadSettings() override;
  Status SaveSettings(const DeadlineSettings& settings, std::int64_t by, TimeMs at) override;
  // sql_work_order_rating.cpp
  Result<std::optional<CustomerRating>> RatingOf(std::int64_t order_id) override;
  Status SaveRating(std::int64_t order_id, const CustomerRating& rating) override;
  Result<std::vector<Category>> LoadCategories() override;
  Status SaveCategories(const std::vector<Category>& categories, std::int64_t by,
                        TimeMs at) override;
  Result<std::int64_t> CountUnfinishedInCategory(std::string_view code) override;
  Result<std::vector<RoutingRule>> LoadRoutingRules() override;
  Status SaveRoutingRules(const std::vector<RoutingRule>& rules, std::int64_t by,
                          TimeMs at) override;
  Result<std::vector<AssigneeLoad>> OpenLoads() override;

 private:
  Result<WorkOrder> Map(const Row& row) const;

  Connection& connection_;
  const crypto::PiiCipher& cipher_;
};

}  // namespace lifeline::storage
