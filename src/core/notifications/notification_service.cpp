#include "core/notifications/notification_service.h"

#include "core/customers/masking.h"
#include "core/events/topic_access.h"
#include "core/identity/auth_service.h"
#include "core/workorders/work_order_service.h"

namespace lifeline {

namespace {

Status RequireUser(const Principal& actor) {
  if (actor.user_id <= 0) return Fail(Error::Forbidden("notifications belong to a user"));
  return Ok();
}

// The customer must exist and lie in the caller's scope; otherwise 404, as for reads.
Status CheckCustomer(StoreSession& session, const Principal& actor, std::int64_t customer_id) {
  auto customer = session.Customers().FindById(customer_id);
  if (!customer) return Fail(customer.error());
  for (const Account& account : customer->accounts) {
    if (actor.scope.Covers(account.district_id)) return Ok();
  }
  if (customer->accounts.empty() && actor.scope.unrestricted()) return Ok();
  return Fail(Error::NotFound("customer not found"));
}

}  // namespace

Result<NotificationPage> NotificationService::Inbox(const Principal& actor, bool unread_only,
                                                    std::int64_t offset, std::int64_t limit) {
  if (auto s = RequireUser(actor); !s) return Fail(s.error());
  NotificationPage page;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto found = session.Notifications().Inbox(actor.user_id, unread_only, offset, limit);
    if (!found) return Fail(found.error());
    page = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return page;
}

Result<std::int64_t> NotificationService::MarkRead(const Principal& actor,
                                                   const std::vector<std::int64_t>& ids) {
  if (auto s = RequireUser(actor); !s) return Fail(s.error());
  std::int64_t changed = 0;
  const TimeMs now = clock_.NowMs();
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto marked = session.Notifications().MarkRead(actor.user_id, ids, now);
    if (!marked) return Fail(marked.error());
    changed = *marked;
    if (changed == 0) return Ok();
    const Fields after{{"marked", changed}, {"all", ids.empty()}};
    if (auto s = session.Audit().Append(
            ActorOf(actor), {"notification.read", "user", std::to_string(actor.user_id), {}, after},
            now);
        !s) {
      return s;
    }
    // The user's other tabs and devices update their unread count.
    session.Events().Emit(
        {"notification", "notification.read", PersonalSubject(actor.user_id), after});
    return Ok();
  });
  if (!written) return Fail(written.error());
  return changed;
}

Result<CustomerMessagePage> NotificationService::Messages(const Principal& actor,
                                                          CustomerMessageFilter filter) {
  if (auto s = actor.Require(Permission::kCustomerMessageRead); !s) return Fail(s.error());
  CustomerMessagePage page;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    if (filter.order_id) {
      auto order = session.WorkOrders().FindById(*filter.order_id);
      if (!order) return Fail(order.error());
      if (!InScope(actor, *order)) return Fail(Error::NotFound("work order not found"));
    } else if (!actor.scope.unrestricted()) {
      return Fail(Error::Invalid("order_id", "name the work order: your view is one area's"));
    }
    auto found = session.CustomerMessages().List(filter);
    if (!found) return Fail(found.error());
    page = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (!actor.Can(Permission::kCustomerReadPii)) {
    for (CustomerMessage& m : page.items) m.recipient = MaskPhone(m.recipient);
  }
  return page;
}

Status NotificationService::SetOptOut(const Principal& actor, std::int64_t customer_id,
                                      bool opted_out) {
  if (auto s = actor.Require(Permission::kCustomerWrite); !s) return s;
  const TimeMs now = clock_.NowMs();
  return store_.Write([&](StoreSession& session) -> Status {
    if (auto s = CheckCustomer(session, actor, customer_id); !s) return s;
    auto before = session.CustomerMessages().OptedOut(customer_id);
    if (!before) return Fail(before.error());
    if (*before == opted_out) return Ok();
    if (auto s = session.CustomerMessages().SetOptOut(customer_id, opted_out, actor.user_id, now);
        !s) {
      return s;
    }
    const Fields after{{"opted_out", opted_out}};
    if (auto s = session.Audit().Append(ActorOf(actor),
                                        {"customer.message_opt_out",
                                         "customer",
                                         std::to_string(customer_id),
                                         {{"opted_out", *before}},
                                         after},
                                        now);
        !s) {
      return s;
    }
    session.Events().Emit(
        {"customer", "customer.message_opt_out", "customer/" + std::to_string(customer_id), after});
    return Ok();
  });
}

Result<bool> NotificationService::OptedOut(const Principal& actor, std::int64_t customer_id) {
  if (auto s = actor.Require(Permission::kCustomerRead); !s) return Fail(s.error());
  bool opted_out = false;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    if (auto s = CheckCustomer(session, actor, customer_id); !s) return s;
    auto found = session.CustomerMessages().OptedOut(customer_id);
    if (!found) return Fail(found.error());
    opted_out = *found;
    return Ok();
  });
  if (!read) return Fail(read.error());
  return opted_out;
}

}  // namespace lifeline
