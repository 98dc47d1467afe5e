// Creating, reading and listing work orders, tracking, and the deadline settings. The actions
// are in work_order_actions.cpp.
#include "core/workorders/work_order_service.h"

#include <algorithm>

#include "core/customers/masking.h"
#include "core/identity/auth_service.h"
#include "core/workorders/tracking_code.h"

namespace lifeline {

namespace {

// The window the stored day plan announced, while the technician is still to come: assigned
// (or dispatched, re-planned) but not yet on site.
Status AddPlannedWindow(StoreSession& session, const WorkOrder& order, TrackingView& view) {
  using enum WorkOrderState;
  const WorkOrderState s = order.state;
  if (s != kDispatched && s != kAssigned && s != kEnRoute) return Ok();
  auto planned = session.DayPlans().PlannedStopFor(order.id);
  if (!planned) return Fail(planned.error());
  if (!*planned) return Ok();
  const dispatch::PlanStop& stop = (*planned)->stop;
  // Only while the plan still gives the order to its assignee (a manual re-assignment since
  // then makes the plan's promise stale).
  if (stop.user_id != order.assignee_id) return Ok();
  const LocalDate day = dispatch::DateOf((*planned)->day);
  view.planned_window_start = FromLocalDate(day, stop.window_start_minute * kMinuteMs);
  view.planned_window_end = FromLocalDate(day, stop.window_end_minute * kMinuteMs);
  view.planned_window_label =
      dispatch::ArrivalWindowLabel(stop.window_start_minute, stop.window_end_minute);
  return Ok();
}

Fields CreatedFields(const WorkOrder& o) {
  return {{"number", WorkOrderNumber(o.id, o.created_at)},
          {"type", std::string(WorkOrderTypeCode(o.type))},
          {"category", o.category},
          {"priority", std::string(PriorityCode(o.priority))},
          {"state", std::string(WorkOrderStateCode(o.state))},
          {"district_id", o.district_id ? FieldValue(*o.district_id) : FieldValue(nullptr)},
          {"customer_id", o.customer_id ? FieldValue(*o.customer_id) : FieldValue(nullptr)}};
}

std::string ActorName(const Principal& actor) {
  return actor.display_name.empty() ? actor.username : actor.display_name;
}

Status CheckDistrict(StoreSession& session, std::int64_t district_id) {
  auto node = session.Topology().FindNode(district_id);
  if (!node) {
    if (node.error().code != ErrorCode::kNotFound) return Fail(node.error());
    return Fail(Error::Invalid("district_id", "no district " + std::to_string(district_id)));
  }
  if (node->kind != NodeKind::kDistrict) {
    return Fail(Error::Invalid("district_id", node->name + " is not a district"));
  }
  return Ok();
}

Status CheckCustomer(StoreSession& session, std::int64_t customer_id) {
  auto exists = session.Customers().Exists(customer_id);
  if (!exists) return Fail(exists.error());
  if (!*exists) return Fail(Error::Invalid("customer_id", "no such customer"));
  return Ok();
}

// The contact the order came from must exist and be with the same customer (or, for an order
// without a customer, be a contact with nobody identified).
Status CheckInteraction(StoreSession& session, const WorkOrder& order) {
  if (!order.interaction_id) return Ok();
  auto interaction = session.Interactions().FindById(*order.interaction_id);
  if (!interaction) {
    if (interaction.error().code != ErrorCode::kNotFound) return Fail(interaction.error());
    return Fail(Error::Invalid("interaction_id",
                               "no interaction " + std::to_string(*order.interaction_id)));
  }
  if (interaction->customer_id != order.customer_id) {
    return Fail(Error::Invalid("interaction_id", "the interaction is not with this customer"));
  }
  return Ok();
}

}  // namespace

bool InScope(const Principal& principal, const WorkOrder& order) {
  return !order.district_id || principal.scope.Covers(*order.district_id);
}

WorkOrder MaskedFor(const Principal& principal, WorkOrder order) {
  if (!principal.Can(Permission::kCustomerReadPii) && !order.contact_phone.empty()) {
    order.contact_phone = MaskPhone(order.contact_phone);
  }
  return order;
}

Result<WorkOrder> WorkOrderService::Prepare(const Principal& actor, const NewWorkOrder& draft,
                                            const CategoryTree& tree) const {
  const Category* category = tree.Find(draft.category);
  if (category == nullptr) {
    return Fail(Error::Invalid("category", "unknown category: " + draft.category));
  }
  WorkOrder order;
  order.type = draft.type;
  order.category = draft.category;
  order.priority = draft.priority.value_or(category->suggested_priority);
  order.title = draft.title;
  order.description = draft.description;
  order.address = draft.address;
  order.customer_id = draft.customer_id;
  order.account_id = draft.account_id;
  order.interaction_id = draft.interaction_id;
  order.contact_name = draft.contact_name;
  order.contact_phone = draft.contact_phone;
  order.district_id = draft.district_id;
  order.created_by = actor.user_id;
  if (auto s = ValidateDraft(order); !s) return Fail(s.error());
  if (order.account_id && !order.customer_id) {
    return Fail(Error::Invalid("customer_id", "name the customer who holds the account"));
  }
  return order;
}

// The account's district and address, and a check that it belongs to the customer and fits
// the category's utility.
Status WorkOrderService::FillFromAccount(StoreSession& session, const Principal& actor,
                                         WorkOrder& order, const CategoryTree& tree) const {
  if (!order.customer_id) return Ok();
  if (!order.account_id) return CheckCustomer(session, *order.customer_id);
  // The account alone: reading the customer's whole record (every phone decrypted, meters,
  // bills) cost more than the rest of the create.
  auto account = session.Customers().FindAccount(*order.account_id);
  if (!account && account.error().code != ErrorCode::kNotFound) return Fail(account.error());
  if (!account || account->customer_id != *order.customer_id) {
    if (auto s = CheckCustomer(session, *order.customer_id); !s) return s;
    return Fail(Error::Invalid("account_id", "not an account of this customer"));
  }
  const Category* category = tree.Find(order.category);
  if (category->utility && *category->utility != account->utility) {
    return Fail(Error::Invalid(
        "account_id", "the account is for " + std::string(UtilityCode(account->utility)) +
                          ", the category for " + std::string(UtilityCode(*category->utility))));
  }
  if (!actor.scope.Covers(account->district_id)) {
    return Fail(Error::Invalid("account_id", "the account is outside your area"));
  }
  if (!order.district_id) order.district_id = account->district_id;
  if (order.address.empty()) order.address = account->address;
  return Ok();
}

Result<WorkOrder> WorkOrderService::Create(const Principal& actor, const NewWorkOrder& draft) {
  if (auto s = actor.Require(Permission::kWorkOrderCreate); !s) return Fail(s.error());
  WorkOrder order;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto created = CreateIn(session, actor, draft);
    if (!created) return Fail(created.error());
    order = std::move(*created);
    return Ok();
  });
  if (!written) return Fail(written.error());
  return MaskedFor(actor, std::move(order));
}

Result<WorkOrder> WorkOrderService::CreateIn(StoreSession& session, const Principal& actor,
                                             const NewWorkOrder& draft) {
  if (auto s = actor.Require(Permission::kWorkOrderCreate); !s) return Fail(s.error());
  if (draft.department_id) {
    if (auto s = actor.Require(Permission::kWorkOrderDispatch); !s) return Fail(s.error());
  }
  auto tree = TreeIn(session);
  if (!tree) return Fail(tree.error());
  auto prepared = Prepare(actor, draft, **tree);
  if (!prepared) return Fail(prepared.error());
  WorkOrder order = std::move(*prepared);
  order.created_at = order.updated_at = clock_.NowMs();
  order.tracking_code = NewTrackingCode(random_);
  if (auto s = FillFromAccount(session, actor, order, **tree); !s) return Fail(s.error());
  if (auto s = CheckInteraction(session, order); !s) return Fail(s.error());
  if (order.district_id) {
    // A district taken from the account is one by construction (the premise's); only one the
    // request names needs reading.
    if (draft.district_id) {
      if (auto s = CheckDistrict(session, *order.district_id); !s) return Fail(s.error());
    }
    if (!actor.scope.Covers(*order.district_id)) {
      return Fail(Error::Invalid("district_id", "the district is outside your area"));
    }
  }
  auto settings = settings_.Get([&] { return session.WorkOrders().LoadSettings(); });
  if (!settings) return Fail(settings.error());
  const Deadlines due =
      ComputeDeadlines(order.created_at, PolicyFor(**settings, order.category, order.priority),
                       (*tree)->Find(order.category)->site_visit, (*settings)->calendar);
  order.due_response_at = due.response;
  order.due_arrival_at = due.arrival;
  order.due_resolution_at = due.resolution;
  // The routing rule's dispatch (and assignment) go into the order's one INSERT; their history
  // rows, audit entries and events follow the creation's, as if they were separate steps.
  WorkOrder as_created = order;
  auto routed = RouteNew(session, actor, order, draft.department_id, **tree, **settings);
  if (!routed) return Fail(routed.error());
  auto id = session.WorkOrders().Insert(order);
  if (!id) return Fail(id.error());
  order.id = as_created.id = *id;
  WorkOrderTransition created;
  created.order_id = order.id;
  created.at = order.created_at;
  created.actor_id = actor.user_id;
  created.actor_name = ActorName(actor);
  created.action = "create";
  if (auto t = session.WorkOrders().AppendTransition(created); !t) return Fail(t.error());
  const Fields after = CreatedFields(as_created);
  if (auto s = session.Audit().Append(
          ActorOf(actor), {"workorder.create", "work_order", std::to_string(order.id), {}, after},
          order.created_at);
      !s) {
    return Fail(s.error());
  }
  session.Events().Emit(
      {"workorder", "workorder.created", "workorder/" + std::to_string(order.id), after});
  for (RoutedStep& step : *routed) {
    step.before.id = step.after.id = order.id;
    if (auto s = Record(session, step.actor, step.before, step.after, step.command, false); !s) {
      return Fail(s.error());
    }
  }
  return order;
}

Result<WorkOrderDetail> WorkOrderService::Get(const Principal& actor, std::int64_t id) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  WorkOrderDetail detail;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto found = session.WorkOrders().FindById(id);
    if (!found) return Fail(found.error());
    if (!InScope(actor, *found)) return Fail(Error::NotFound("work order not found"));
    detail.order = MaskedFor(actor, std::move(*found));
    auto history = session.WorkOrders().History(id);
    if (!history) return Fail(history.error());
    detail.history = std::move(*history);
    auto children = session.WorkOrders().Children(id);
    if (!children) return Fail(children.error());
    for (const WorkOrder& child : *children) detail.child_ids.push_back(child.id);
    auto rating = session.WorkOrders().RatingOf(id);
    if (!rating) return Fail(rating.error());
    detail.rating = std::move(*rating);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return detail;
}

Result<WorkOrderPage> WorkOrderService::List(const Principal& actor, WorkOrderFilter filter) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  filter.restricted = !actor.scope.unrestricted();
  filter.district_ids = actor.scope.district_ids();
  filter.now = clock_.NowMs();
  WorkOrderPage page;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto listed = session.WorkOrders().List(filter);
    if (!listed) return Fail(listed.error());
    page = std::move(*listed);
    return Ok();
  });
  if (!read) return Fail(read.error());
  for (WorkOrder& order : page.items) order = MaskedFor(actor, std::move(order));
  return page;
}

Result<TrackingView> WorkOrderService::Track(std::string_view code) {
  auto normalized = NormalizeTrackingCode(code);
  if (!normalized) return Fail(Error::NotFound("no work order with this tracking code"));
  const std::shared_ptr<const CategoryTree> tree = categories();
  TrackingView view;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto order = session.WorkOrders().FindByTrackingCode(*normalized);
    if (!order) return Fail(order.error());
    auto history = session.WorkOrders().History(order->id);
    if (!history) return Fail(history.error());
    std::optional<WorkOrder> merged_into;
    if (order->merged_into_id) {
      auto target = session.WorkOrders().FindById(*order->merged_into_id);
      if (!target) return Fail(target.error());
      merged_into = std::move(*target);
    }
    view = BuildTrackingView(*order, *history, *tree, merged_into);
    auto rating = session.WorkOrders().RatingOf(order->id);
    if (!rating) return Fail(rating.error());
    if (*rating) view.rated_at = (*rating)->rated_at;
    return AddPlannedWindow(session, *order, view);
  });
  if (!read) return Fail(read.error());
  return view;
}

Result<DeadlineSettings> WorkOrderService::Settings(const Principal& actor) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  DeadlineSettings settings;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto loaded = session.WorkOrders().LoadSettings();
    if (!loaded) return Fail(loaded.error());
    settings = std::move(*loaded);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return settings;
}

Result<DeadlineSettings> WorkOrderService::SaveSettings(const Principal& actor,
                                                        const DeadlineSettings& settings) {
  if (auto s = actor.Require(Permission::kWorkOrderSettings); !s) return Fail(s.error());
  auto tree = Tree();
  if (!tree) return Fail(tree.error());
  if (auto s = ValidateSettings(settings, **tree); !s) return Fail(s.error());
  const TimeMs now = clock_.NowMs();
  Status written = store_.Write([&](StoreSession& session) -> Status {
    if (auto s = session.WorkOrders().SaveSettings(settings, actor.user_id, now); !s) return s;
    const Fields after{{"policies", static_cast<std::int64_t>(settings.policies.size())},
                       {"holidays", static_cast<std::int64_t>(settings.calendar.holidays.size())},
                       {"open_minute", static_cast<std::int64_t>(settings.calendar.open_minute)},
                       {"close_minute", static_cast<std::int64_t>(settings.calendar.close_minute)}};
    if (auto s = session.Audit().Append(
            ActorOf(actor), {"workorder.settings", "work_order_settings", "deadlines", {}, after},
            now);
        !s) {
      return s;
    }
    session.Events().Emit(
        {"workorder", "workorder.settings_changed", "work_order_settings/deadlines", after});
    return Ok();
  });
  settings_.Invalidate();  // also after a failed write: the store may have moved meanwhile
  if (!written) return Fail(written.error());
  return settings;
}

}  // namespace lifeline
