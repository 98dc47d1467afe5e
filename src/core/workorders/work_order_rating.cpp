// The customer's rating from the public tracking page (WorkOrderService::Rate): one unit of
// work stores it on the order, flags a low one for review, appends the `rate` history row
// (by the customer), the audit entry and `workorder.rated`.
#include "core/workorders/tracking_code.h"
#include "core/workorders/work_order_service.h"

namespace lifeline {

namespace {

constexpr std::string_view kCustomerName = "客户";

}  // namespace

Result<TrackingView> WorkOrderService::Rate(std::string_view code, const CustomerRating& rating,
                                            std::string_view remote_address) {
  auto normalized = NormalizeTrackingCode(code);
  if (!normalized) return Fail(Error::NotFound("no work order with this tracking code"));
  if (auto s = ValidateRating(rating); !s) return Fail(s.error());
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto order = session.WorkOrders().FindByTrackingCode(*normalized);
    if (!order) return Fail(order.error());
    auto earlier = session.WorkOrders().RatingOf(order->id);
    if (!earlier) return Fail(earlier.error());
    if (auto s = CheckRateable(*order, earlier->has_value()); !s) return s;
    CustomerRating stored = rating;
    stored.rated_at = clock_.NowMs();
    if (auto s = session.WorkOrders().SaveRating(order->id, stored); !s) return s;
    const WorkOrder before = *order;
    if (stored.satisfaction <= kReviewAtOrBelow) order->needs_review = true;
    order->updated_at = stored.rated_at;
    order->version += 1;
    if (auto s = session.WorkOrders().Update(*order, before.version); !s) return s;
    WorkOrderTransition t;
    t.order_id = order->id;
    t.at = stored.rated_at;
    t.actor_name = std::string(kCustomerName);
    t.action = "rate";
    t.from_state = t.to_state = order->state;
    t.note = stored.comment;
    t.department_id = order->department_id;
    t.assignee_id = order->assignee_id;
    t.satisfaction = stored.satisfaction;
    if (auto id = session.WorkOrders().AppendTransition(t); !id) return Fail(id.error());
    const Fields fields{{"number", WorkOrderNumber(order->id, order->created_at)},
                        {"state", std::string(WorkOrderStateCode(order->state))},
                        {"satisfaction", static_cast<std::int64_t>(stored.satisfaction)},
                        {"needs_review", order->needs_review},
                        {"version", order->version}};
    const AuditActor customer{std::nullopt, "customer", std::string(remote_address)};
    if (auto s = session.Audit().Append(
            customer, {"workorder.rate", "work_order", std::to_string(order->id), {}, fields},
            stored.rated_at);
        !s) {
      return s;
    }
    session.Events().Emit(
        {"workorder", "workorder.rated", "workorder/" + std::to_string(order->id), fields});
    return Ok();
  });
  if (!written) return Fail(written.error());
  return Track(*normalized);
}

}  // namespace lifeline
