// The actions on a work order (WorkOrderService::Act), the cascade from a parent incident to
// its linked orders, and deadline escalation. Each runs in one transaction.
#include <string>

#include "core/identity/auth_service.h"
#include "core/workorders/work_order_service.h"

namespace lifeline {

namespace {

FieldValue Optional(const std::optional<std::int64_t>& value) {
  return value ? FieldValue(*value) : FieldValue(nullptr);
}

Fields StateFields(const WorkOrder& o) {
  return {{"number", WorkOrderNumber(o.id, o.created_at)},
          {"state", std::string(WorkOrderStateCode(o.state))},
          {"priority", std::string(PriorityCode(o.priority))},
          {"category", o.category},
          {"district_id", Optional(o.district_id)},
          {"department_id", Optional(o.department_id)},
          {"assignee_id", Optional(o.assignee_id)},
          {"version", o.version}};
}

std::string ActorName(const Principal& actor) {
  return actor.display_name.empty() ? actor.username : actor.display_name;
}

Error NotFoundAs(const Error& error, std::string field, std::string what) {
  if (error.code != ErrorCode::kNotFound) return error;
  return Error::Invalid(std::move(field), std::move(what));
}

std::string BreachNames(int bits) {
  std::string names;
  auto add = [&](int bit, std::string_view name) {
    if ((bits & bit) == 0) return;
    if (!names.empty()) names += ",";
    names += name;
  };
  add(kBreachResponse, "response");
  add(kBreachArrival, "arrival");
  add(kBreachResolution, "resolution");
  return names;
}

}  // namespace

// The department, assignee, merge target or parent the command names must exist and fit.
Status WorkOrderService::CheckReferences(StoreSession& session, const WorkOrder& order,
                                         WorkOrderCommand& command) const {
  if (command.department_id) {
    auto unit = session.OrgUnits().FindById(*command.department_id);
    if (!unit) return Fail(NotFoundAs(unit.error(), "department_id", "no such org unit"));
  }
  if (command.action == WorkOrderAction::kAssign) {
    auto user = session.Users().FindById(*command.assignee_id);
    if (!user) return Fail(NotFoundAs(user.error(), "assignee_id", "no such user"));
    if (user->disabled) return Fail(Error::Invalid("assignee_id", "the user is disabled"));
    if (!command.department_id) command.department_id = user->org_unit_id;
  }
  if (command.action == WorkOrderAction::kMerge) {
    auto target = session.WorkOrders().FindById(*command.target_id);
    if (!target) return Fail(NotFoundAs(target.error(), "target_id", "no such work order"));
    if (auto s = ValidateMerge(order, *target); !s) return s;
  }
  if (command.action == WorkOrderAction::kLink) {
    auto parent = session.WorkOrders().FindById(*command.parent_id);
    if (!parent) return Fail(NotFoundAs(parent.error(), "parent_id", "no such work order"));
    auto children = session.WorkOrders().Children(order.id);
    if (!children) return Fail(children.error());
    if (auto s = ValidateLink(order, *parent, !children->empty()); !s) return s;
  }
  return Ok();
}

// The history row, the audit entry and the event of one transition.
Status WorkOrderService::Record(StoreSession& session, const Principal& actor,
                                const WorkOrder& before, const WorkOrder& after,
                                const WorkOrderCommand& command, bool via_parent) const {
  WorkOrderTransition t;
  t.order_id = after.id;
  t.at = after.updated_at;
  t.actor_id = actor.user_id;
  t.actor_name = ActorName(actor);
  t.action = std::string(WorkOrderActionCode(command.action));
  t.from_state = before.state;
  t.to_state = after.state;
  t.note = command.note;
  t.department_id = after.department_id;
  t.assignee_id = after.assignee_id;
  t.related_order_id = command.target_id ? command.target_id : command.parent_id;
  t.satisfaction = command.satisfaction;
  if (auto id = session.WorkOrders().AppendTransition(t); !id) return Fail(id.error());
  Fields fields = StateFields(after);
  fields.emplace_back("from_state", std::string(WorkOrderStateCode(before.state)));
  fields.emplace_back("action", t.action);
  if (t.related_order_id) fields.emplace_back("related_order_id", *t.related_order_id);
  Fields audited = fields;
  if (!command.note.empty()) audited.emplace_back("note", command.note);
  if (auto s = session.Audit().Append(ActorOf(actor),
                                      {"workorder." + t.action, "work_order",
                                       std::to_string(after.id), StateFields(before), audited},
                                      after.updated_at);
      !s) {
    return s;
  }
  if (via_parent) fields.emplace_back("via_parent", true);  // the notifier tells the customer
  session.Events().Emit({"workorder", std::string(WorkOrderEventType(command.action)),
                         "workorder/" + std::to_string(after.id), std::move(fields)});
  if (listener_ != nullptr && before.state != after.state) {
    return listener_->OnTransition(session, actor, before, after);
  }
  return Ok();
}

Result<WorkOrder> WorkOrderService::Act(const Principal& actor, std::int64_t id,
                                        const WorkOrderCommand& command) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  if (auto s = ValidateCommand(command); !s) return Fail(s.error());
  auto tree = Tree();
  if (!tree) return Fail(tree.error());
  WorkOrder order;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto acted = ActIn(session, actor, id, command);
    if (!acted) return Fail(acted.error());
    order = std::move(*acted);
    return Ok();
  });
  if (!written) return Fail(written.error());
  return MaskedFor(actor, std::move(order));
}

Result<WorkOrder> WorkOrderService::ActIn(StoreSession& session, const Principal& actor,
                                          std::int64_t id, const WorkOrderCommand& command,
                                          bool check_actor) {
  if (auto s = ValidateCommand(command); !s) return Fail(s.error());
  auto found = session.WorkOrders().FindById(id);
  if (!found) return Fail(found.error());
  if (!InScope(actor, *found)) return Fail(Error::NotFound("work order not found"));
  WorkOrder order = std::move(*found);
  const WorkOrder before = order;
  if (command.expected_version && *command.expected_version != order.version) {
    return Fail(Error::Conflict("the work order was changed by someone else (version " +
                                std::to_string(order.version) + "); reload it"));
  }
  if (check_actor) {
    if (auto s = CheckActor(actor, command.action, order); !s) return Fail(s.error());
  }
  auto next = NextState(order, command.action);
  if (!next) return Fail(next.error());
  auto tree = TreeIn(session);
  if (!tree) return Fail(tree.error());
  if (command.action == WorkOrderAction::kResolve && order.state == WorkOrderState::kAccepted &&
      NeedsVisit(**tree, order.category)) {
    return Fail(Error::Conflict("a " + order.category +
                                " order needs a visit and cannot be resolved at first contact"));
  }
  WorkOrderCommand checked = command;
  if (auto s = CheckReferences(session, order, checked); !s) return Fail(s.error());
  auto settings = settings_.Get([&] { return session.WorkOrders().LoadSettings(); });
  if (!settings) return Fail(settings.error());
  ApplyAction(order, checked, *next, clock_.NowMs(),
              PolicyFor(**settings, order.category, order.priority), (*settings)->calendar);
  if (auto s = session.WorkOrders().Update(order, before.version); !s) return Fail(s.error());
  if (auto s = Record(session, actor, before, order, checked, false); !s) return Fail(s.error());
  if (command.action == WorkOrderAction::kResolve) {
    if (auto s = CascadeToChildren(session, actor, order, **settings); !s) return Fail(s.error());
  }
  return order;
}

// Resolving an incident resolves every linked order still being worked on, each with its own
// history row and event, in the parent's transaction.
Status WorkOrderService::CascadeToChildren(StoreSession& session, const Principal& actor,
                                           const WorkOrder& parent,
                                           const DeadlineSettings& settings) const {
  auto children = session.WorkOrders().Children(parent.id);
  if (!children) return Fail(children.error());
  WorkOrderCommand resolve;
  resolve.action = WorkOrderAction::kResolve;
  resolve.note = "随主工单 " + WorkOrderNumber(parent.id, parent.created_at) + " 办结";
  resolve.parent_id = parent.id;
  for (WorkOrder child : *children) {
    if (!FollowsParent(child)) continue;
    const WorkOrder before = child;
    ApplyAction(child, resolve, WorkOrderState::kResolved, parent.updated_at,
                PolicyFor(settings, child.category, child.priority), settings.calendar);
    if (auto s = session.WorkOrders().Update(child, before.version); !s) return s;
    if (auto s = Record(session, actor, before, child, resolve, true); !s) return s;
  }
  return Ok();
}

Result<int> WorkOrderService::EscalateOverdue(std::int64_t limit) {
  int escalated = 0;
  const TimeMs now = clock_.NowMs();
  const Principal system = Principal::System();
  Status written = store_.Write([&](StoreSession& session) -> Status {
    escalated = 0;
    auto overdue = session.WorkOrders().NewlyOverdue(now, limit);
    if (!overdue) return Fail(overdue.error());
    for (WorkOrder order : *overdue) {
      const int bits = NewBreaches(order, now);
      if (bits == 0) continue;
      const WorkOrder before = order;
      order.breached |= bits;
      if ((bits & kBreachResolution) != 0 && order.priority == Priority::kNormal) {
        order.priority = Priority::kUrgent;
      }
      order.updated_at = now;
      order.version += 1;
      if (auto s = session.WorkOrders().Update(order, before.version); !s) return s;
      WorkOrderTransition t;
      t.order_id = order.id;
      t.at = now;
      t.actor_name = "系统";
      t.action = "escalate";
      t.from_state = t.to_state = order.state;
      t.note = "超时: " + BreachNames(bits);
      t.department_id = order.department_id;
      t.assignee_id = order.assignee_id;
      if (auto id = session.WorkOrders().AppendTransition(t); !id) return Fail(id.error());
      Fields fields = StateFields(order);
      fields.emplace_back("breached", BreachNames(bits));
      if (auto s = session.Audit().Append(ActorOf(system),
                                          {"workorder.escalate", "work_order",
                                           std::to_string(order.id), StateFields(before), fields},
                                          now);
          !s) {
        return s;
      }
      session.Events().Emit({"workorder", "workorder.deadline_breached",
                             "workorder/" + std::to_string(order.id), std::move(fields)});
      ++escalated;
    }
    return Ok();
  });
  if (!written) return Fail(written.error());
  return escalated;
}

}  // namespace lifeline
