#include "core/reports/report_service.h"

#include <algorithm>
#include <charconv>
#include <future>

#include "core/reports/report_labels.h"

namespace lifeline {

namespace {

Result<std::int64_t> GroupId(const std::string& group) {
  if (group == "none") return kReportNoneId;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(group.data(), group.data() + group.size(), id);
  if (ec != std::errc() || end != group.data() + group.size() || id < 1) {
    return Fail(Error::Invalid("group", "group is an id or none"));
  }
  return id;
}

// Narrows [from, to) to [first, end) when they overlap; a bucket outside the period is a 400.
Status NarrowRange(ReportScope& scope, TimeMs first, TimeMs end) {
  const TimeMs from = std::max(scope.from, first);
  const TimeMs to = std::min(scope.to, end);
  if (from >= to) return Fail(Error::Invalid("group", "group lies outside the period"));
  scope.from = from;
  scope.to = to;
  return Ok();
}

bool Covers(const std::string& outer, const std::string& inner) {
  return outer.empty() || inner == outer ||
         (inner.size() > outer.size() && inner.starts_with(outer) && inner[outer.size()] == '.');
}

}  // namespace

Result<ReportRange> ReportService::RangeOf(const ReportRequest& request) const {
  const LocalDate anchor = request.from.value_or(ToLocalDate(clock_.NowMs(), utc_offset_));
  return ResolvePeriod(request.period, anchor, request.to, utc_offset_);
}

Result<ReportScope> ReportService::ScopeFor(const Principal& actor,
                                            const ReportRequest& request) const {
  if (auto s = actor.Require(Permission::kReportRead); !s) return Fail(s.error());
  if (request.category_depth < 1 || request.category_depth > 3) {
    return Fail(Error::Invalid("depth", "depth is 1, 2 or 3"));
  }
  if (!request.filters.category.empty() && tree_.Find(request.filters.category) == nullptr) {
    return Fail(Error::Invalid("category", "unknown category: " + request.filters.category));
  }
  auto range = RangeOf(request);
  if (!range) return Fail(range.error());
  ReportScope scope = request.filters;
  scope.from = range->from;
  scope.to = range->to;
  scope.utc_offset = utc_offset_;
  scope.restricted = !actor.scope.unrestricted();
  scope.district_ids = actor.scope.district_ids();
  return scope;
}

Status ReportService::NarrowToGroup(ReportScope& scope, const ReportRequest& request,
                                    const std::string& group) const {
  switch (request.group_by) {
    case ReportGroupBy::kNone:
      if (group != "all") return Fail(Error::Invalid("group", "without group_by, group is all"));
      return Ok();
    case ReportGroupBy::kType: {
      auto type = ParseWorkOrderType(group);
      if (!type) return Fail(Error::Invalid("group", "unknown type: " + group));
      if (scope.type && *scope.type != *type) {
        return Fail(Error::Invalid("group", "group is outside the type filter"));
      }
      scope.type = type;
      return Ok();
    }
    case ReportGroupBy::kCategory:
      if (tree_.Find(group) == nullptr) {
        return Fail(Error::Invalid("group", "unknown category: " + group));
      }
      if (Covers(group, scope.category)) return Ok();  // the filter is already narrower
      if (!Covers(scope.category, group)) {
        return Fail(Error::Invalid("group", "group is outside the category filter"));
      }
      scope.category = group;
      return Ok();
    case ReportGroupBy::kDistrict:
    case ReportGroupBy::kDepartment:
    case ReportGroupBy::kAgent:
    case ReportGroupBy::kAssignee: {
      auto id = GroupId(group);
      if (!id) return Fail(id.error());
      std::int64_t& slot = request.group_by == ReportGroupBy::kDistrict     ? scope.district_id
                           : request.group_by == ReportGroupBy::kDepartment ? scope.department_id
                           : request.group_by == ReportGroupBy::kAgent      ? scope.created_by
                                                                            : scope.assignee_id;
      if (slot != 0 && slot != *id) {
        return Fail(Error::Invalid("group", "group is outside the filters"));
      }
      slot = *id;
      return Ok();
    }
    case ReportGroupBy::kDay:
    case ReportGroupBy::kWeek: {
      auto date = ParseDateCode(group);
      if (!date) return Fail(Error::Invalid("group", "group is a date, YYYY-MM-DD"));
      const std::int64_t first = DayNumberOf(*date);
      const int days = request.group_by == ReportGroupBy::kDay ? 1 : 7;
      return NarrowRange(scope, first * kDayMs - utc_offset_,
                         (first + days) * kDayMs - utc_offset_);
    }
    case ReportGroupBy::kMonth: {
      auto month = ParseMonthCode(group);
      if (!month) return Fail(Error::Invalid("group", "group is a month, YYYY-MM"));
      return NarrowRange(scope, FromLocalDate(*month, 0, utc_offset_),
                         FromLocalDate(AddMonths(*month, 1), 0, utc_offset_));
    }
  }
  return Ok();
}

Status ReportService::Label(StoreSession& session, WorkOrderReport& report) const {
  for (ReportGroup& group : report.groups) {
    if (group.key == "none") {
      group.label = report.group_by == ReportGroupBy::kDistrict ? "无区域" : "未分派";
      continue;
    }
    switch (report.group_by) {
      case ReportGroupBy::kType:
        if (auto type = ParseWorkOrderType(group.key)) group.label = WorkOrderTypeLabel(*type);
        break;
      case ReportGroupBy::kCategory:
        group.label = tree_.Path(group.key);
        break;
      case ReportGroupBy::kDistrict: {
        auto node = session.Topology().FindNode(std::stoll(group.key));
        group.label = node ? node->name : group.key;
        break;
      }
      case ReportGroupBy::kDepartment: {
        auto unit = session.OrgUnits().FindById(std::stoll(group.key));
        group.label = unit ? unit->name : group.key;
        break;
      }
      case ReportGroupBy::kAgent:
      case ReportGroupBy::kAssignee: {
        auto user = session.Users().FindById(std::stoll(group.key));
        group.label = user ? user->display_name : group.key;
        break;
      }
      default:
        group.label = group.key;
        break;
    }
  }
  return Ok();
}

// The three statements of a report each read the whole period once; they run side by side on
// their own read connections, so a report takes as long as its slowest statement.
Result<WorkOrderReport> ReportService::Run(const Principal& actor, const ReportRequest& request) {
  auto scope = ScopeFor(actor, request);
  if (!scope) return Fail(scope.error());
  WorkOrderReport report;
  report.period = request.period;
  report.group_by = request.group_by;
  report.category_depth = request.category_depth;
  report.range = {scope->from, scope->to};
  report.utc_offset = utc_offset_;
  const ReportScope& s = *scope;
  std::vector<CategoryCount> top;
  RepeatCallerSummary callers;
  auto top_read = std::async(std::launch::async, [&] {
    return store_.Read([&](StoreSession& session) -> Status {
      auto found = session.Reports().TopCategories(s, kTopCategories);
      if (!found) return Fail(found.error());
      top = std::move(*found);
      return Ok();
    });
  });
  auto callers_read = std::async(std::launch::async, [&] {
    return store_.Read([&](StoreSession& session) -> Status {
      auto found = session.Reports().RepeatCallers(s, kTopCallers);
      if (!found) return Fail(found.error());
      callers = std::move(*found);
      return Ok();
    });
  });
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto rows = session.Reports().Aggregate(s, KeyFor(request.group_by));
    if (!rows) return Fail(rows.error());
    RollUp(report, *rows);
    return Label(session, report);
  });
  const Status top_status = top_read.get();
  const Status callers_status = callers_read.get();
  if (!read) return Fail(read.error());
  if (!top_status) return Fail(top_status.error());
  if (!callers_status) return Fail(callers_status.error());
  for (const CategoryCount& c : top) {
    report.top_categories.push_back({c.category, tree_.Path(c.category), c.orders});
  }
  report.repeat_callers = std::move(callers);
  return report;
}

Result<ReportOrderPage> ReportService::Drill(const Principal& actor, const ReportRequest& request,
                                             const ReportDrill& drill, std::int64_t offset,
                                             std::int64_t limit) {
  auto scope = ScopeFor(actor, request);
  if (!scope) return Fail(scope.error());
  if (drill.group) {
    if (auto s = NarrowToGroup(*scope, request, *drill.group); !s) return Fail(s.error());
  }
  ReportOrderPage page;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto found = session.Reports().Orders(*scope, drill.metric, offset, limit);
    if (!found) return Fail(found.error());
    page = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return page;
}

Status ReportService::Export(const Principal& actor, const ReportRequest& request,
                             const ReportDrill& drill, std::int64_t max_rows,
                             ReportOrderVisitor visit) {
  auto scope = ScopeFor(actor, request);
  if (!scope) return Fail(scope.error());
  if (drill.group) {
    if (auto s = NarrowToGroup(*scope, request, *drill.group); !s) return s;
  }
  return store_.Read([&](StoreSession& session) -> Status {
    ReportRepository& reports = session.Reports();
    auto counted = reports.Orders(*scope, drill.metric, 0, 1);
    if (!counted) return Fail(counted.error());
    if (counted->total > max_rows) {
      return Fail(Error::Invalid("from", "the export holds " + std::to_string(counted->total) +
                                             " orders, more than " + std::to_string(max_rows) +
                                             " at once: narrow the period or the filters"));
    }
    return reports.EachOrder(*scope, drill.metric, 5000, visit);
  });
}

}  // namespace lifeline
