#include "adapters/http/api/work_order_json.h"

#include "core/workorders/tracking_code.h"

namespace lifeline::http {

namespace {

constexpr std::int64_t kMaxMinutes = 90LL * 24 * 60;

template <class T>
Json Opt(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json PolicyJson(const DeadlinePolicy& p) {
  return {{"category", p.category},
          {"priority", PriorityCode(p.priority)},
          {"response_minutes", p.response.minutes},
          {"response_business_time", p.response.business_time},
          {"arrival_minutes", p.arrival.minutes},
          {"arrival_business_time", p.arrival.business_time},
          {"resolution_minutes", p.resolution.minutes},
          {"resolution_business_time", p.resolution.business_time}};
}

Json TransitionJson(const WorkOrderTransition& t) {
  return {{"id", t.id},
          {"at", t.at},
          {"actor_id", t.actor_id},
          {"actor_name", t.actor_name},
          {"action", t.action},
          {"from_state", WorkOrderStateCode(t.from_state)},
          {"to_state", WorkOrderStateCode(t.to_state)},
          {"note", t.note},
          {"department_id", Opt(t.department_id)},
          {"assignee_id", Opt(t.assignee_id)},
          {"assignee_name", t.assignee_name},
          {"related_order_id", Opt(t.related_order_id)},
          {"satisfaction", Opt(t.satisfaction)}};
}

Json BreachedJson(int bits) {
  Json list = Json::array();
  if ((bits & kBreachResponse) != 0) list.push_back("response");
  if ((bits & kBreachArrival) != 0) list.push_back("arrival");
  if ((bits & kBreachResolution) != 0) list.push_back("resolution");
  return list;
}

Result<std::vector<DateCode>> ReadDates(const JsonBody& body, std::string_view field) {
  auto list = body.IntList(field, 400);
  if (!list) return Fail(list.error());
  std::vector<DateCode> dates;
  for (std::int64_t date : *list) {
    if (date < 19700101 || date > 21001231 || !IsValidDateCode(static_cast<DateCode>(date))) {
      return Fail(
          Error::Invalid(std::string(field), "dates are yyyymmdd: " + std::to_string(date)));
    }
    dates.push_back(static_cast<DateCode>(date));
  }
  return dates;
}

Result<BusinessCalendar> ReadCalendar(const JsonBody& body) {
  BusinessCalendar calendar;
  auto open = body.Int("open_minute", 0, 24 * 60);
  if (!open) return Fail(open.error());
  auto close = body.Int("close_minute", 0, 24 * 60);
  if (!close) return Fail(close.error());
  auto weekdays = body.IntList("weekdays", 7);
  if (!weekdays) return Fail(weekdays.error());
  calendar.open_minute = static_cast<int>(*open);
  calendar.close_minute = static_cast<int>(*close);
  calendar.weekdays = 0;
  for (std::int64_t day : *weekdays) {
    if (day < 0 || day > 6) {
      return Fail(Error::Invalid("weekdays", "weekdays are 0 (Sunday) to 6 (Saturday)"));
    }
    calendar.weekdays |= 1 << day;
  }
  auto holidays = ReadDates(body, "holidays");
  if (!holidays) return Fail(holidays.error());
  calendar.holidays = std::move(*holidays);
  auto workdays = ReadDates(body, "extra_workdays");
  if (!workdays) return Fail(workdays.error());
  calendar.extra_workdays = std::move(*workdays);
  return calendar;
}

Result<DeadlineRule> ReadRule(const JsonBody& body, const std::string& name) {
  auto minutes = body.Int(name + "_minutes", 1, kMaxMinutes);
  if (!minutes) return Fail(minutes.error());
  auto business = body.Bool(name + "_business_time");
  if (!business) return Fail(business.error());
  return DeadlineRule{*minutes, *business};
}

Result<DeadlinePolicy> ReadPolicy(const JsonBody& body) {
  DeadlinePolicy policy;
  auto category = body.String("category", 100);
  if (!category) return Fail(category.error());
  policy.category = std::move(*category);
  auto priority_code = body.String("priority", 20);
  if (!priority_code) return Fail(priority_code.error());
  auto priority = ParsePriority(*priority_code);
  if (!priority) return Fail(Error::Invalid("priority", "unknown priority: " + *priority_code));
  policy.priority = *priority;
  auto response = ReadRule(body, "response");
  if (!response) return Fail(response.error());
  policy.response = *response;
  auto arrival = ReadRule(body, "arrival");
  if (!arrival) return Fail(arrival.error());
  policy.arrival = *arrival;
  auto resolution = ReadRule(body, "resolution");
  if (!resolution) return Fail(resolution.error());
  policy.resolution = *resolution;
  return policy;
}

}  // namespace

Json WorkOrderJson(const WorkOrder& o, const CategoryTree& tree) {
  return {{"id", o.id},
          {"number", WorkOrderNumber(o.id, o.created_at)},
          {"tracking_code", FormatTrackingCode(o.tracking_code)},
          {"type", WorkOrderTypeCode(o.type)},
          {"category", o.category},
          {"category_path", tree.Path(o.category)},
          {"priority", PriorityCode(o.priority)},
          {"state", WorkOrderStateCode(o.state)},
          {"title", o.title},
          {"description", o.description},
          {"address", o.address},
          {"customer_id", Opt(o.customer_id)},
          {"account_id", Opt(o.account_id)},
          {"interaction_id", Opt(o.interaction_id)},
          {"contact_name", o.contact_name},
          {"contact_phone", o.contact_phone},
          {"district_id", Opt(o.district_id)},
          {"department_id", Opt(o.department_id)},
          {"assignee_id", Opt(o.assignee_id)},
          {"assignee_name", o.assignee_name},
          {"created_by", o.created_by},
          {"created_at", o.created_at},
          {"updated_at", o.updated_at},
          {"due_response_at", Opt(o.due_response_at)},
          {"due_arrival_at", Opt(o.due_arrival_at)},
          {"due_resolution_at", Opt(o.due_resolution_at)},
          {"responded_at", Opt(o.responded_at)},
          {"arrived_at", Opt(o.arrived_at)},
          {"resolved_at", Opt(o.resolved_at)},
          {"closed_at", Opt(o.closed_at)},
          {"paused_at", Opt(o.paused_at)},
          {"parent_id", Opt(o.parent_id)},
          {"merged_into_id", Opt(o.merged_into_id)},
          {"urge_count", o.urge_count},
          {"reopen_count", o.reopen_count},
          {"breached", BreachedJson(o.breached)},
          {"satisfaction", Opt(o.satisfaction)},
          {"callback_reached", Opt(o.callback_reached)},
          {"needs_review", o.needs_review},
          {"version", o.version}};
}

Json WorkOrderDetailJson(const WorkOrderDetail& detail, const CategoryTree& tree) {
  Json json = WorkOrderJson(detail.order, tree);
  Json history = Json::array();
  for (const WorkOrderTransition& t : detail.history) history.push_back(TransitionJson(t));
  json["history"] = std::move(history);
  json["child_ids"] = detail.child_ids;
  json["customer_rating"] = detail.rating ? Json{{"satisfaction", detail.rating->satisfaction},
                                                 {"comment", detail.rating->comment},
                                                 {"rated_at", detail.rating->rated_at}}
                                          : Json(nullptr);
  return json;
}

Json WorkOrderPageJson(const WorkOrderPage& page, const WorkOrderFilter& filter,
                       const CategoryTree& tree) {
  Json items = Json::array();
  for (const WorkOrder& o : page.items) items.push_back(WorkOrderJson(o, tree));
  return {{"items", std::move(items)},
          {"total", page.total},
          {"offset", filter.offset},
          {"limit", filter.limit}};
}

Json CategoryTreeJson(const CategoryTree& tree) {
  Json items = Json::array();
  for (const Category& c : tree.all()) {
    items.push_back({{"code", c.code},
                     {"name", c.name},
                     {"parent", c.parent.empty() ? Json(nullptr) : Json(c.parent)},
                     {"utility", c.utility ? Json(UtilityCode(*c.utility)) : Json(nullptr)},
                     {"suggested_priority", PriorityCode(c.suggested_priority)},
                     {"site_visit", c.site_visit},
                     {"trade", c.trade ? Json(dispatch::TradeCode(*c.trade)) : Json(nullptr)}});
  }
  return {{"items", std::move(items)}};
}

Json DeadlineSettingsJson(const DeadlineSettings& s) {
  Json weekdays = Json::array();
  for (int day = 0; day < 7; ++day) {
    if ((s.calendar.weekdays >> day & 1) != 0) weekdays.push_back(day);
  }
  Json policies = Json::array();
  for (const DeadlinePolicy& p : s.policies) policies.push_back(PolicyJson(p));
  Json defaults = Json::array();
  for (std::string_view root : {"water", "heat", "gas", "general"}) {
    for (Priority priority : kAllPriorities)
      defaults.push_back(PolicyJson(DefaultPolicy(root, priority)));
  }
  return {{"open_minute", s.calendar.open_minute},
          {"close_minute", s.calendar.close_minute},
          {"weekdays", std::move(weekdays)},
          {"holidays", s.calendar.holidays},
          {"extra_workdays", s.calendar.extra_workdays},
          {"policies", std::move(policies)},
          {"defaults", std::move(defaults)}};
}

Json TrackingJson(const TrackingView& view) {
  Json steps = Json::array();
  for (const TrackingStep& step : view.steps) {
    steps.push_back(
        {{"at", step.at}, {"state", WorkOrderStateCode(step.state)}, {"label", step.label}});
  }
  return {{"number", view.number},
          {"type", WorkOrderTypeCode(view.type)},
          {"category", view.category},
          {"state", WorkOrderStateCode(view.state)},
          {"state_label", view.state_label},
          {"created_at", view.created_at},
          {"expected_arrival_at", Opt(view.expected_arrival)},
          {"expected_resolution_at", Opt(view.expected_resolution)},
          {"merged_into_number", Opt(view.merged_into_number)},
          {"rated", view.rated_at.has_value()},
          {"rated_at", Opt(view.rated_at)},
          {"planned_window", view.planned_window_start ? Json{{"start", *view.planned_window_start},
                                                              {"end", Opt(view.planned_window_end)},
                                                              {"label", view.planned_window_label}}
                                                       : Json(nullptr)},
          {"steps", std::move(steps)}};
}

Result<DeadlineSettings> ReadDeadlineSettings(const JsonBody& body) {
  DeadlineSettings settings;
  auto calendar = ReadCalendar(body);
  if (!calendar) return Fail(calendar.error());
  settings.calendar = std::move(*calendar);
  auto policies = body.Objects("policies", 500);
  if (!policies) return Fail(policies.error());
  for (std::size_t i = 0; i < policies->size(); ++i) {
    auto policy = ReadPolicy((*policies)[i]);
    if (!policy) return Fail(JsonBody::Within("policies", i, policy.error()));
    settings.policies.push_back(std::move(*policy));
  }
  return settings;
}

}  // namespace lifeline::http
