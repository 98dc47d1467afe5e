// Work orders (工单): docs/design/work-orders.md. Handlers read the request, call
// WorkOrderService, and render the result.
#include "adapters/http/api/api_support.h"
#include "adapters/http/api/routes.h"
#include "adapters/http/api/work_order_json.h"
#include "adapters/http/api/work_order_routing_routes.h"
#include "adapters/http/json_body.h"

namespace lifeline::http {

namespace {

// An enum field or query value read through its parser, the error naming the field.
template <class Enum>
Result<std::optional<Enum>> OptionalCode(std::optional<std::string> code, std::string_view field,
                                         std::optional<Enum> (*parse)(std::string_view)) {
  if (!code || code->empty()) return std::optional<Enum>{};
  auto value = parse(*code);
  if (!value) {
    return Fail(Error::Invalid(std::string(field), "unknown " + std::string(field) + ": " + *code));
  }
  return value;
}

Status ReadLinks(const JsonBody& body, NewWorkOrder& draft) {
  for (auto [field, slot] :
       {std::pair{"customer_id", &draft.customer_id}, std::pair{"account_id", &draft.account_id},
        std::pair{"interaction_id", &draft.interaction_id},
        std::pair{"district_id", &draft.district_id},
        std::pair{"department_id", &draft.department_id}}) {
    auto value = body.OptionalInt(field, 1, INT64_MAX);
    if (!value) return Fail(value.error());
    *slot = *value;
  }
  return Ok();
}

Status ReadTexts(const JsonBody& body, NewWorkOrder& draft) {
  auto title = body.String("title", 300);
  if (!title) return Fail(title.error());
  draft.title = std::move(*title);
  for (auto [field, slot, limit] : {std::tuple{"description", &draft.description, 6000},
                                    std::tuple{"address", &draft.address, 600},
                                    std::tuple{"contact_name", &draft.contact_name, 90},
                                    std::tuple{"contact_phone", &draft.contact_phone, 32}}) {
    auto value = body.OptionalString(field, static_cast<std::size_t>(limit));
    if (!value) return Fail(value.error());
    *slot = value->value_or("");
  }
  return Ok();
}

Result<NewWorkOrder> ReadNewWorkOrder(const JsonBody& body) {
  NewWorkOrder draft;
  auto type_code = body.String("type", 30);
  if (!type_code) return Fail(type_code.error());
  auto type = OptionalCode<WorkOrderType>(*type_code, "type", ParseWorkOrderType);
  if (!type) return Fail(type.error());
  draft.type = **type;
  auto category = body.String("category", 100);
  if (!category) return Fail(category.error());
  draft.category = std::move(*category);
  auto priority_code = body.OptionalString("priority", 20);
  if (!priority_code) return Fail(priority_code.error());
  auto priority = OptionalCode<Priority>(*priority_code, "priority", ParsePriority);
  if (!priority) return Fail(priority.error());
  draft.priority = *priority;
  if (auto s = ReadTexts(body, draft); !s) return Fail(s.error());
  if (auto s = ReadLinks(body, draft); !s) return Fail(s.error());
  return draft;
}

Status ReadReferences(const JsonBody& body, WorkOrderCommand& command) {
  for (auto [field, slot] :
       {std::pair{"version", &command.expected_version},
        std::pair{"department_id", &command.department_id},
        std::pair{"assignee_id", &command.assignee_id}, std::pair{"target_id", &command.target_id},
        std::pair{"parent_id", &command.parent_id}}) {
    auto value = body.OptionalInt(field, 1, INT64_MAX);
    if (!value) return Fail(value.error());
    *slot = *value;
  }
  return Ok();
}

// {"action": "close", "result": "reached" | "unreached", "satisfaction": 1–5, "note": …}
Status ReadCallback(const JsonBody& body, WorkOrderCommand& command) {
  auto result = body.OptionalString("result", 20);
  if (!result) return Fail(result.error());
  if (*result) {
    if (**result != "reached" && **result != "unreached") {
      return Fail(Error::Invalid("result", "result is reached or unreached"));
    }
    command.reached = **result == "reached";
  }
  auto satisfaction = body.OptionalInt("satisfaction", 1, 5);
  if (!satisfaction) return Fail(satisfaction.error());
  if (*satisfaction) command.satisfaction = static_cast<int>(**satisfaction);
  return Ok();
}

Result<WorkOrderCommand> ReadCommand(const JsonBody& body) {
  WorkOrderCommand command;
  auto action_code = body.String("action", 30);
  if (!action_code) return Fail(action_code.error());
  auto action = OptionalCode<WorkOrderAction>(*action_code, "action", ParseWorkOrderAction);
  if (!action) return Fail(action.error());
  command.action = **action;
  auto note = body.OptionalString("note", 3000);
  if (!note) return Fail(note.error());
  command.note = note->value_or("");
  if (auto s = ReadReferences(body, command); !s) return Fail(s.error());
  if (auto s = ReadCallback(body, command); !s) return Fail(s.error());
  return command;
}

Result<CustomerRating> ReadRating(const JsonBody& body) {
  CustomerRating rating;
  auto satisfaction = body.Int("satisfaction", 1, 5);
  if (!satisfaction) return Fail(satisfaction.error());
  rating.satisfaction = static_cast<int>(*satisfaction);
  auto comment = body.OptionalString("comment", 3000);
  if (!comment) return Fail(comment.error());
  rating.comment = comment->value_or("");
  return rating;
}

Status ReadFilterIds(const RouteContext& c, WorkOrderFilter& filter) {
  for (auto [name, slot] : {std::pair{"district_id", &filter.district_id},
                            std::pair{"department_id", &filter.department_id},
                            std::pair{"assignee_id", &filter.assignee_id},
                            std::pair{"customer_id", &filter.customer_id}}) {
    auto value = IntQuery(c, name, 1, INT64_MAX);
    if (!value) return Fail(value.error());
    *slot = *value;
  }
  return Ok();
}

Result<WorkOrderFilter> ReadFilter(const RouteContext& c) {
  WorkOrderFilter filter;
  auto query = [&](std::string_view name) -> std::optional<std::string> {
    auto value = c.request.QueryParam(name);
    if (!value) return std::nullopt;
    return std::string(*value);
  };
  auto state = OptionalCode<WorkOrderState>(query("state"), "state", ParseWorkOrderState);
  if (!state) return Fail(state.error());
  filter.state = *state;
  auto priority = OptionalCode<Priority>(query("priority"), "priority", ParsePriority);
  if (!priority) return Fail(priority.error());
  filter.priority = *priority;
  auto type = OptionalCode<WorkOrderType>(query("type"), "type", ParseWorkOrderType);
  if (!type) return Fail(type.error());
  filter.type = *type;
  filter.category = query("category").value_or("");
  if (filter.category.size() > 100) return Fail(Error::Invalid("category", "category is too long"));
  const std::string overdue = query("overdue").value_or("false");
  if (overdue != "true" && overdue != "false") {
    return Fail(Error::Invalid("overdue", "overdue is true or false"));
  }
  filter.overdue_only = overdue == "true";
  if (auto s = ReadFilterIds(c, filter); !s) return Fail(s.error());
  auto offset = IntQuery(c, "offset", 0, 1'000'000);
  if (!offset) return Fail(offset.error());
  filter.offset = offset->value_or(0);
  auto limit = IntQuery(c, "limit", 1, 200);
  if (!limit) return Fail(limit.error());
  filter.limit = limit->value_or(50);
  return filter;
}

// Orders render with the category tree of the moment (a snapshot: an edit meanwhile does not
// change it under the request).
void AddRecordRoutes(Router& router, WorkOrderService& orders) {
  const auto authed = RouteAccess::kAuthenticated;
  const auto worker = RouteExecution::kWorker;
  auto render = [&orders](const WorkOrder& o) { return WorkOrderJson(o, *orders.categories()); };
  router.Add(Method::kPost, "/api/v1/work-orders", authed, worker,
             [&orders, render](RouteContext& c) {
               return WithBody(c, ReadNewWorkOrder, [&](const NewWorkOrder& draft) {
                 return Reply(c, orders.Create(c.user(), draft), render, 201);
               });
             });
  router.Add(Method::kGet, "/api/v1/work-orders", authed, worker, [&orders](RouteContext& c) {
    auto filter = ReadFilter(c);
    if (!filter) return ProblemFor(c, filter.error());
    return Reply(c, orders.List(c.user(), *filter), [&](const WorkOrderPage& page) {
      return WorkOrderPageJson(page, *filter, *orders.categories());
    });
  });
  router.Add(Method::kGet, "/api/v1/work-orders/{id}", authed, worker, [&orders](RouteContext& c) {
    auto id = IdParam(c, "id");
    if (!id) return ProblemFor(c, id.error());
    return Reply(c, orders.Get(c.user(), *id), [&](const WorkOrderDetail& detail) {
      return WorkOrderDetailJson(detail, *orders.categories());
    });
  });
  router.Add(Method::kPost, "/api/v1/work-orders/{id}/transitions", authed, worker,
             [&orders, render](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               return WithBody(c, ReadCommand, [&](const WorkOrderCommand& command) {
                 return Reply(c, orders.Act(c.user(), *id, command), render);
               });
             });
}

void AddSettingRoutes(Router& router, WorkOrderService& orders) {
  const auto authed = RouteAccess::kAuthenticated;
  const auto worker = RouteExecution::kWorker;
  router.Add(Method::kGet, "/api/v1/work-order-settings", authed, worker,
             [&orders](RouteContext& c) {
               return Reply(c, orders.Settings(c.user()), DeadlineSettingsJson);
             });
  router.Add(Method::kPut, "/api/v1/work-order-settings", authed, worker,
             [&orders](RouteContext& c) {
               return WithBody(c, ReadDeadlineSettings, [&](const DeadlineSettings& settings) {
                 return Reply(c, orders.SaveSettings(c.user(), settings), DeadlineSettingsJson);
               });
             });
}

// No login: the customer's parcel-style page. Unknown and malformed codes are the same 404.
void AddTrackingRoute(Router& router, WorkOrderService& orders) {
  router.Add(Method::kGet, "/api/v1/track/{code}", RouteAccess::kPublic, RouteExecution::kWorker,
             [&orders](RouteContext& c) {
               const std::string_view code = c.Param("code");
               if (code.size() > 32) {
                 return ProblemFor(c, Error::NotFound("no work order with this tracking code"));
               }
               return Reply(c, orders.Track(code), TrackingJson);
             });
  // {"satisfaction": 1–5, "comment": "…"}: the customer's own rating, once, after resolution.
  router.Add(Method::kPost, "/api/v1/track/{code}/rating", RouteAccess::kPublic,
             RouteExecution::kWorker, [&orders](RouteContext& c) {
               const std::string_view code = c.Param("code");
               if (code.size() > 32) {
                 return ProblemFor(c, Error::NotFound("no work order with this tracking code"));
               }
               return WithBody(c, ReadRating, [&](const CustomerRating& rating) {
                 return Reply(c, orders.Rate(code, rating, c.request.remote_address), TrackingJson,
                              201);
               });
             });
}

}  // namespace

void AddWorkOrderRoutes(Router& router, ApiDependencies& deps) {
  AddRecordRoutes(router, deps.work_orders);
  AddSettingRoutes(router, deps.work_orders);
  AddTrackingRoute(router, deps.work_orders);
  AddWorkOrderRoutingRoutes(router, deps.work_orders);
}

}  // namespace lifeline::http
