#include "core/dispatch/field/stored_plan.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace lifeline::dispatch {

namespace {

bool ReadInt(std::string_view text, int& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc{} && end == text.data() + text.size();
}

std::string TwoDigits(int n) {
  std::string out = std::to_string(n);
  return n < 10 ? "0" + out : out;
}

}  // namespace

std::optional<int> ParseDayCode(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (!ReadInt(text.substr(0, 4), year) || !ReadInt(text.substr(5, 2), month) ||
      !ReadInt(text.substr(8, 2), day)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (year < 2000 || year > 2999 || !ymd.ok()) return std::nullopt;
  return year * 10000 + month * 100 + day;
}

std::string DayText(int day) {
  return std::to_string(day / 10000) + "-" + TwoDigits(day / 100 % 100) + "-" +
         TwoDigits(day % 100);
}

int DayCode(LocalDate date) {
  return date.year * 10000 + date.month * 100 + date.day;
}

LocalDate DateOf(int day) {
  return {day / 10000, day / 100 % 100, day % 100};
}

std::pair<int, int> AnnouncedWindow(int start_minute, int earliest) {
  const int start = std::max(start_minute / 30 * 30 - 30, earliest);
  return {start, start + 120};
}

std::string ClockText(int minute_of_day) {
  return TwoDigits(minute_of_day / 60 % 100) + ":" + TwoDigits(minute_of_day % 60);
}

std::string ArrivalWindowLabel(int window_start_minute, int window_end_minute) {
  return "预计 " + ClockText(window_start_minute) + "–" + ClockText(window_end_minute) + " 上门";
}

TimedRoute TimeRoute(const Technician& technician, std::vector<TimedStop> stops,
                     const TravelModel& travel) {
  TimedRoute route;
  if (!technician.on_duty) route.violations.push_back({"off_duty", 0, 0});
  for (const TimedStop& stop : stops) {
    if (LevelIn(technician, stop.trade) == 0) {
      route.violations.push_back({"no_skill", stop.order_id, 0});
    }
  }
  const bool has_break = technician.break_window && technician.break_minutes > 0;
  bool break_pending = has_break;
  double t = technician.shift.start_minute;
  if (!stops.empty()) {
    const double first = travel.Minutes(technician.depot, stops.front().location);
    t = std::max(t, stops.front().window_start_minute - first);
  }
  route.departure_minute = static_cast<int>(std::lround(t));
  auto take_break = [&] {
    const double start = std::max<double>(t, technician.break_window->start_minute);
    route.break_start_minute = static_cast<int>(std::lround(start));
    if (start > technician.break_window->end_minute + 0.5) {
      route.violations.push_back({"break_missed", 0, *route.break_start_minute});
    }
    t = start + technician.break_minutes;
    break_pending = false;
  };
  Point at = technician.depot;
  for (TimedStop& stop : stops) {
    const double distance = travel.RoadKm(at, stop.location);
    const double drive = travel.MinutesFor(distance);
    if (break_pending) {
      const double next_start = std::max<double>(t + drive, stop.window_start_minute);
      if (t >= technician.break_window->start_minute ||
          next_start + stop.duration_minutes > technician.break_window->end_minute) {
        take_break();
      }
    }
    const double arrival = t + drive;
    const double start = std::max<double>(arrival, stop.window_start_minute);
    stop.arrival_minute = static_cast<int>(std::lround(arrival));
    stop.start_minute = static_cast<int>(std::lround(start));
    stop.end_minute = static_cast<int>(std::lround(start + stop.duration_minutes));
    if (start > stop.window_end_minute + 0.5) {
      route.violations.push_back({"late", stop.order_id, stop.start_minute});
    }
    t = start + stop.duration_minutes;
    route.km += distance;
    at = stop.location;
  }
  if (break_pending && !stops.empty()) take_break();
  const double back = travel.RoadKm(at, technician.depot);
  route.km += back;
  t += travel.MinutesFor(back);
  route.return_minute = static_cast<int>(std::lround(t));
  if (t > technician.shift.end_minute + 0.5) {
    route.violations.push_back({"shift_overrun", 0, route.return_minute});
  }
  route.stops = std::move(stops);
  return route;
}

Preemption Preempt(const Technician& technician, Point at, int now_minute,
                   const TimedStop& emergency, const std::vector<TimedStop>& ahead,
                   const TravelModel& travel) {
  // The day from here: leave "the depot" (where they are) now; an emergency has no window to
  // wait for. The way back still ends at the real depot: TimeRoute adds it from the last stop,
  // so only the first leg needs the real position.
  Technician from_here = technician;
  from_here.depot = at;
  from_here.shift.start_minute = now_minute;
  if (from_here.break_window && from_here.break_window->end_minute < now_minute) {
    from_here.break_window.reset();  // its time is gone (taken or not, it is not planned now)
  }
  std::vector<TimedStop> stops;
  TimedStop first = emergency;
  first.window_start_minute = now_minute;
  stops.push_back(first);
  stops.insert(stops.end(), ahead.begin(), ahead.end());
  Preemption out;
  out.route = TimeRoute(from_here, std::move(stops), travel);
  // The return leg was timed back to `at`; re-time it to the real depot.
  if (out.route.stops.size() > 0) {
    const TimedStop& last = out.route.stops.back();
    const double road_km =
        travel.RoadKm(last.location, technician.depot) - travel.RoadKm(last.location, at);
    const double minutes = travel.MinutesFor(road_km);
    out.route.km += road_km;
    out.route.return_minute += static_cast<int>(std::lround(minutes));
    std::erase_if(out.route.violations,
                  [](const RouteViolation& v) { return v.kind == "shift_overrun"; });
    if (out.route.return_minute > technician.shift.end_minute) {
      out.route.violations.push_back({"shift_overrun", 0, out.route.return_minute});
    }
  }
  for (std::size_t i = 0; i < ahead.size(); ++i) {
    const TimedStop& now = out.route.stops[i + 1];
    if (now.start_minute == ahead[i].start_minute) continue;
    out.moved.push_back({ahead[i].order_id, ahead[i].start_minute, now.start_minute,
                         now.start_minute <= ahead[i].window_end_minute});
  }
  return out;
}

Preemption PreemptKeepingWindows(const Technician& technician, Point at, int now_minute,
                                 const TimedStop& emergency, std::vector<TimedStop> ahead,
                                 const TravelModel& travel) {
  std::vector<PreemptedStop> pushed_out;
  for (;;) {
    Preemption p = Preempt(technician, at, now_minute, emergency, ahead, travel);
    const auto late =
        std::ranges::find_if(p.moved, [](const PreemptedStop& m) { return !m.window_kept; });
    if (late == p.moved.end()) {
      p.moved.insert(p.moved.end(), pushed_out.begin(), pushed_out.end());
      std::ranges::sort(p.moved, {}, &PreemptedStop::old_start_minute);
      return p;
    }
    pushed_out.push_back(*late);
    std::erase_if(ahead, [&](const TimedStop& s) { return s.order_id == late->order_id; });
  }
}

}  // namespace lifeline::dispatch
