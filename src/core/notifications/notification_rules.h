// Who is told what about which work-order event: pure functions over the event's fields, the
// order as stored and the staff directory, so "who gets what" is tested without a database.
//
// Staff (inbox): assigned → the assignee; urged → the assignee and the department's
// dispatchers; deadline_breached → the department's dispatchers and supervisors; returned →
// the dispatchers; reopened (unsatisfied callback) and closed with needs_review → supervisors.
// Customers (outbox): created → tracking code; assigned → technician (and the appointment
// window when the event carries one); resolved → please rate, or "fixed with the incident"
// when the resolution came from the parent (via_parent).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/fields.h"
#include "core/identity/org_unit.h"
#include "core/identity/user.h"
#include "core/notifications/customer_message.h"
#include "core/notifications/notification.h"
#include "core/workorders/work_order.h"

namespace lifeline {

// The staff a rule can address, by role and place in the org tree.
class StaffDirectory {
 public:
  StaffDirectory(std::vector<User> users, std::vector<OrgUnit> units)
      : users_(std::move(users)), units_(std::move(units)) {}

  // The enabled users with `role` in the nearest unit from `unit_id` upwards that has any;
  // with no unit, or none on the way up, every enabled user with that role.
  std::vector<std::int64_t> Nearest(Role role, std::optional<std::int64_t> unit_id) const;
  // The user's display name, empty when unknown.
  std::string DisplayName(std::int64_t user_id) const;

 private:
  std::vector<std::int64_t> InUnit(Role role, std::int64_t unit_id) const;
  std::optional<std::int64_t> ParentOf(std::int64_t unit_id) const;

  std::vector<User> users_;
  std::vector<OrgUnit> units_;
};

// One committed work-order event as the rules read it.
struct WorkOrderEventFacts {
  std::int64_t event_id = 0;
  std::string type;  // "workorder.urged" …
  std::int64_t order_id = 0;
  Fields data;
};

struct DerivedNotifications {
  std::vector<StaffNotification> staff;
  std::vector<CustomerMessage> customer;  // recipient and channel filled; state still queued
};

// `order` is the order as stored now (contact, tracking code, needs_review); `parent` the
// incident it was resolved with, when the event says so. Recipients come from the event's
// department and assignee, which are those at the time of the event.
DerivedNotifications DeriveNotifications(const WorkOrderEventFacts& event, const WorkOrder& order,
                                         const std::optional<WorkOrder>& parent,
                                         const StaffDirectory& staff, TimeMs now);

// The order id of a "workorder/<id>" subject, if it is one.
std::optional<std::int64_t> WorkOrderIdOfSubject(std::string_view subject);

// A field of the event by name, or null.
const FieldValue* FindField(const Fields& fields, std::string_view name);
std::optional<std::int64_t> IntField(const Fields& fields, std::string_view name);

}  // namespace lifeline
