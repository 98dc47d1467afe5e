// What a customer does on the portal without logging in, beside tracking and booking: report a
// problem (在线报修) and look up a bill (账单查询), each behind the light verification of
// holder_check.h. docs/design/portal.md.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/billing/billing_snapshot.h"
#include "core/common/error.h"
#include "core/customers/customer.h"
#include "core/interactions/interaction_service.h"
#include "core/ports/billing_system.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "core/workorders/work_order_service.h"

namespace lifeline {

// Orders one account may report on the portal in 24 hours; more is a case for the phone.
inline constexpr int kPortalReportsPerDay = 5;
inline constexpr std::size_t kPortalDescriptionMaxChars = 500;

struct PortalReport {
  std::string account_no;
  std::string phone_last4;
  std::string category;
  std::string description;
  WorkOrderType type = WorkOrderType::kRepair;
  std::string contact_phone{};  // empty: the holder's first phone
};

// The answer to a report: enough to follow the order, nothing personal.
struct PortalReceipt {
  std::string number;
  std::string tracking_code;
  WorkOrderState state = WorkOrderState::kAccepted;
  std::string category;
  TimeMs created_at = 0;
};

struct PortalBill {
  Utility utility = Utility::kWater;
  std::string holder;   // masked: 张**
  std::string address;  // district and community only
  BillingSnapshot billing;
};

class PortalService {
 public:
  PortalService(Store& store, const Clock& clock, WorkOrderService& orders,
                InteractionService& interactions, BillingSystem& billing)
      : store_(store),
        clock_(clock),
        orders_(orders),
        interactions_(interactions),
        billing_(billing) {}

  // The actor of everything the portal writes (客户自助): role integration, no user.
  static Principal Actor();
  // The types a customer may choose when reporting.
  static bool CustomerMayReport(WorkOrderType type);

  std::shared_ptr<const CategoryTree> Categories() const { return orders_.categories(); }
  // The contact on the customer's timeline and the order, in one unit of work.
  [[nodiscard]] Result<PortalReceipt> Report(const PortalReport& report);
  [[nodiscard]] Result<PortalBill> Bill(std::string_view account_no, std::string_view phone_last4);

 private:
  Status CheckDailyLimit(StoreSession& session, const Customer& customer,
                         const Account& account) const;

  Store& store_;
  const Clock& clock_;
  WorkOrderService& orders_;
  InteractionService& interactions_;
  BillingSystem& billing_;
};

}  // namespace lifeline
