#include "core/notifications/notification_rules.h"

#include <algorithm>
#include <charconv>

#include "core/workorders/tracking_view.h"

namespace lifeline {

namespace {

constexpr std::string_view kPrefix = "workorder/";

void AddUnique(std::vector<std::int64_t>& into, const std::vector<std::int64_t>& ids) {
  for (std::int64_t id : ids) {
    if (std::ranges::find(into, id) == into.end()) into.push_back(id);
  }
}

bool TrueField(const Fields& fields, std::string_view name) {
  const FieldValue* value = FindField(fields, name);
  const bool* flag = value != nullptr ? std::get_if<bool>(value) : nullptr;
  return flag != nullptr && *flag;
}

std::string TextField(const Fields& fields, std::string_view name) {
  const FieldValue* value = FindField(fields, name);
  const std::string* text = value != nullptr ? std::get_if<std::string>(value) : nullptr;
  return text != nullptr ? *text : std::string();
}

struct Recipients {
  std::vector<std::int64_t> users;
  NotificationKind kind = NotificationKind::kAssigned;
};

// The staff side: which kind, and whom, for an event type.
std::optional<Recipients> StaffFor(const WorkOrderEventFacts& event, const WorkOrder& order,
                                   const StaffDirectory& staff) {
  const auto department = IntField(event.data, "department_id");
  const auto assignee = IntField(event.data, "assignee_id");
  Recipients r;
  if (event.type == "workorder.assigned") {
    if (!assignee) return std::nullopt;
    r.kind = NotificationKind::kAssigned;
    r.users = {*assignee};
  } else if (event.type == "workorder.urged") {
    r.kind = NotificationKind::kUrged;
    if (assignee) r.users.push_back(*assignee);
    AddUnique(r.users, staff.Nearest(Role::kDispatcher, department));
  } else if (event.type == "workorder.deadline_breached") {
    r.kind = NotificationKind::kDeadlineBreached;
    r.users = staff.Nearest(Role::kDispatcher, department);
    AddUnique(r.users, staff.Nearest(Role::kSupervisor, department));
  } else if (event.type == "workorder.returned") {
    r.kind = NotificationKind::kReturned;
    r.users = staff.Nearest(Role::kDispatcher, department);
  } else if (event.type == "workorder.reopened" ||
             (event.type == "workorder.closed" && order.needs_review)) {
    r.kind = NotificationKind::kNeedsReview;
    r.users = staff.Nearest(Role::kSupervisor, department);
  } else {
    return std::nullopt;
  }
  return r;
}

std::optional<MessageTemplate> TemplateFor(const WorkOrderEventFacts& event) {
  if (event.type == "workorder.created") return MessageTemplate::kOrderAccepted;
  if (event.type == "workorder.assigned") {
    const bool window =
        IntField(event.data, "appointment_start_at") && IntField(event.data, "appointment_end_at");
    return window ? MessageTemplate::kOrderAppointment : MessageTemplate::kOrderAssigned;
  }
  if (event.type == "workorder.resolved") {
    return TrueField(event.data, "via_parent") ? MessageTemplate::kOrderResolvedWithParent
                                               : MessageTemplate::kOrderResolved;
  }
  return std::nullopt;
}

Fields MessageParams(MessageTemplate code, const WorkOrderEventFacts& event, const WorkOrder& order,
                     const std::optional<WorkOrder>& parent, const StaffDirectory& staff) {
  Fields params{{"number", WorkOrderNumber(order.id, order.created_at)}};
  switch (code) {
    case MessageTemplate::kOrderAccepted:
      params.push_back({"tracking_code", order.tracking_code});
      break;
    case MessageTemplate::kOrderAppointment:
      params.push_back({"window_start_at", *IntField(event.data, "appointment_start_at")});
      params.push_back({"window_end_at", *IntField(event.data, "appointment_end_at")});
      [[fallthrough]];
    case MessageTemplate::kOrderAssigned: {
      const auto assignee = IntField(event.data, "assignee_id");
      params.push_back(
          {"technician", MaskedTechnician(assignee ? staff.DisplayName(*assignee) : "")});
      break;
    }
    case MessageTemplate::kOrderResolved:
      break;
    case MessageTemplate::kOrderResolvedWithParent:
      params.push_back(
          {"parent_number", parent ? WorkOrderNumber(parent->id, parent->created_at) : ""});
      break;
  }
  return params;
}

}  // namespace

std::vector<std::int64_t> StaffDirectory::InUnit(Role role, std::int64_t unit_id) const {
  std::vector<std::int64_t> ids;
  for (const User& user : users_) {
    if (user.role == role && !user.disabled && user.org_unit_id == unit_id) ids.push_back(user.id);
  }
  return ids;
}

std::optional<std::int64_t> StaffDirectory::ParentOf(std::int64_t unit_id) const {
  for (const OrgUnit& unit : units_) {
    if (unit.id == unit_id) return unit.parent_id;
  }
  return std::nullopt;
}

std::vector<std::int64_t> StaffDirectory::Nearest(Role role,
                                                  std::optional<std::int64_t> unit_id) const {
  // Bounded by the number of units, so a cycle in bad data cannot loop forever.
  for (std::size_t hops = 0; unit_id && hops <= units_.size(); ++hops) {
    auto ids = InUnit(role, *unit_id);
    if (!ids.empty()) return ids;
    unit_id = ParentOf(*unit_id);
  }
  std::vector<std::int64_t> everyone;
  for (const User& user : users_) {
    if (user.role == role && !user.disabled) everyone.push_back(user.id);
  }
  return everyone;
}

std::string StaffDirectory::DisplayName(std::int64_t user_id) const {
  for (const User& user : users_) {
    if (user.id == user_id) return user.display_name;
  }
  return {};
}

DerivedNotifications DeriveNotifications(const WorkOrderEventFacts& event, const WorkOrder& order,
                                         const std::optional<WorkOrder>& parent,
                                         const StaffDirectory& staff, TimeMs now) {
  DerivedNotifications out;
  if (auto recipients = StaffFor(event, order, staff)) {
    Fields params{{"number", WorkOrderNumber(order.id, order.created_at)}};
    if (recipients->kind == NotificationKind::kDeadlineBreached) {
      params.push_back({"breached", TextField(event.data, "breached")});
    }
    for (std::int64_t user : recipients->users) {
      StaffNotification n;
      n.user_id = user;
      n.kind = recipients->kind;
      n.order_id = order.id;
      n.params = params;
      n.event_id = event.event_id;
      n.created_at = now;
      out.staff.push_back(std::move(n));
    }
  }
  const auto code = TemplateFor(event);
  if (code && !order.contact_phone.empty()) {
    CustomerMessage m;
    m.order_id = order.id;
    m.customer_id = order.customer_id;
    m.channel = MessageChannelKind::kSms;
    m.recipient = order.contact_phone;
    m.template_code = *code;
    m.params = MessageParams(*code, event, order, parent, staff);
    m.idempotency_key =
        "event:" + std::to_string(event.event_id) + ":" + std::string(MessageTemplateCode(*code));
    m.event_id = event.event_id;
    m.created_at = m.next_attempt_at = now;
    out.customer.push_back(std::move(m));
  }
  return out;
}

std::optional<std::int64_t> WorkOrderIdOfSubject(std::string_view subject) {
  if (!subject.starts_with(kPrefix)) return std::nullopt;
  subject.remove_prefix(kPrefix.size());
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(subject.data(), subject.data() + subject.size(), id);
  if (ec != std::errc() || end != subject.data() + subject.size() || id <= 0) return std::nullopt;
  return id;
}

const FieldValue* FindField(const Fields& fields, std::string_view name) {
  for (const Field& field : fields) {
    if (field.name == name) return &field.value;
  }
  return nullptr;
}

std::optional<std::int64_t> IntField(const Fields& fields, std::string_view name) {
  const FieldValue* value = FindField(fields, name);
  const std::int64_t* number = value != nullptr ? std::get_if<std::int64_t>(value) : nullptr;
  if (number == nullptr) return std::nullopt;
  return *number;
}

}  // namespace lifeline
