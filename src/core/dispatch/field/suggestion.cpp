#include "core/dispatch/field/suggestion.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>

namespace lifeline::dispatch {

namespace {

// How much a job already queued weighs against a minute of travel, and a skill level against
// minutes: one more job ahead counts like ten minutes further away; each level above the
// minimum like five minutes nearer. Round figures a dispatcher can reason about.
constexpr double kMinutesPerQueuedJob = 10;
constexpr double kMinutesPerSkillLevel = 5;

int TravelMinutes(Point from, Point to, const TravelModel& travel) {
  return static_cast<int>(std::ceil(travel.Minutes(from, to)));
}

TechnicianLoad LoadOf(std::int64_t user_id, std::span<const TechnicianLoad> loads) {
  const auto it = std::ranges::find(loads, user_id, &TechnicianLoad::user_id);
  return it == loads.end() ? TechnicianLoad{user_id, 0, 0} : *it;
}

std::string Explain(const Suggestion& s, bool emergency) {
  std::string text = s.name + "：" + std::to_string(s.travel_minutes) + " 分钟可到，剩 " +
                     std::to_string(s.jobs_left) + " 单，技能 " + std::to_string(s.skill_level) +
                     " 级";
  return text + SuggestionRemarks(emergency && s.jobs_left > 0, s.on_shift, s.in_time);
}

}  // namespace

std::string SuggestionRemarks(bool jumps_queue, bool on_shift, bool in_time) {
  std::string text;
  if (jumps_queue) text += "（紧急，插单）";
  if (!on_shift) text += "（当前不在班）";
  if (!in_time) text += "（赶不上到场时限）";
  return text;
}

std::vector<Suggestion> RankTechnicians(const JobNeed& job, std::span<const Technician> technicians,
                                        std::span<const TechnicianLoad> loads, int now_minute,
                                        const TravelModel& travel, OffShift off_shift) {
  const bool emergency = job.priority == JobPriority::kEmergency;
  std::vector<Suggestion> ranked;
  for (const Technician& tech : technicians) {
    const int level = LevelIn(tech, job.trade);
    if (!tech.on_duty || level == 0) continue;
    const TechnicianLoad load = LoadOf(tech.user_id, loads);
    Suggestion s;
    s.user_id = tech.user_id;
    s.name = tech.name;
    s.travel_minutes = TravelMinutes(tech.position.value_or(tech.depot), job.location, travel);
    s.arrival_minutes = s.travel_minutes + (emergency ? 0 : load.busy_minutes);
    s.jobs_left = load.jobs_left;
    s.skill_level = level;
    const int arrives_at = std::max(now_minute, tech.shift.start_minute) + s.arrival_minutes;
    // Emergencies are attended whatever the clock says; other jobs must fit the shift.
    s.on_shift = emergency || (arrives_at + job.duration_minutes <= tech.shift.end_minute &&
                               now_minute <= tech.shift.end_minute);
    if (!s.on_shift && off_shift == OffShift::kLeaveOut) continue;
    s.in_time = !job.arrive_by_minute || arrives_at <= *job.arrive_by_minute;
    s.score = s.arrival_minutes + kMinutesPerQueuedJob * (emergency ? 0 : s.jobs_left) -
              kMinutesPerSkillLevel * (level - 1);
    s.explanation = Explain(s, emergency);
    ranked.push_back(std::move(s));
  }
  std::ranges::sort(ranked, [](const Suggestion& a, const Suggestion& b) {
    return std::tuple(!a.on_shift, !a.in_time, a.score, a.user_id) <
           std::tuple(!b.on_shift, !b.in_time, b.score, b.user_id);
  });
  return ranked;
}

}  // namespace lifeline::dispatch
