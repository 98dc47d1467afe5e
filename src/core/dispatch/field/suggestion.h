// Who should take this job? The technicians with the trade who are on shift, ranked by when
// they can be there, how much they still have to do, and how skilled they are — with the
// reasons, so the dispatcher can see why ("李师傅：12 分钟可到，剩 3 单，技能 3 级"). Those who
// cannot arrive before the job's arrival deadline come after those who can.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/dispatch/field/technician.h"
#include "core/dispatch/field/travel_times.h"

namespace lifeline::dispatch {

enum class JobPriority { kEmergency, kUrgent, kNormal };

struct JobNeed {
  Point location;
  Trade trade = Trade::kPipeRepair;
  JobPriority priority = JobPriority::kNormal;
  int duration_minutes = 60;
  // The promised arrival (the order's arrival deadline), minutes from local midnight today;
  // beyond 1440 for a later day.
  std::optional<int> arrive_by_minute{};
};

// Whether technicians whose shift cannot take the job now are left out (the board's live
// list) or ranked after everyone who can (an order's list, read at any hour).
enum class OffShift { kLeaveOut, kRankLast };

// What the technician has on hand now, from their assigned, unfinished jobs.
struct TechnicianLoad {
  std::int64_t user_id = 0;
  int jobs_left = 0;
  int busy_minutes = 0;  // work still ahead of them today (service times of those jobs)
};

struct Suggestion {
  std::int64_t user_id = 0;
  std::string name;
  int travel_minutes = 0;   // from where they are (or their depot) to the job
  int arrival_minutes = 0;  // from now: travel, plus the work ahead of them unless emergency
  int jobs_left = 0;
  int skill_level = 0;
  bool on_shift = true;     // their shift covers the arrival and the work (emergencies: always)
  bool in_time = true;      // they arrive by `arrive_by_minute` (true when there is none)
  double score = 0;         // lower is better, among equals in on_shift and in_time
  std::string explanation;  // zh-CN, for the dispatcher's list
};

// What a suggestion's reason ends with, zh-CN: "（紧急，插单）" when an emergency jumps the
// technician's queue, "（当前不在班）", "（赶不上到场时限）"; empty when none applies. Shared by
// the board's list and every order's (core/workorders/assignee_ranking).
std::string SuggestionRemarks(bool jumps_queue, bool on_shift, bool in_time);

// `now_minute` is minutes from local midnight. Technicians off duty or without the trade are
// left out, and so are those whose shift does not cover the arrival unless `off_shift` ranks
// them last. An emergency ignores the work ahead (it pre-empts it) and the clock; other jobs
// queue behind it.
std::vector<Suggestion> RankTechnicians(const JobNeed& job, std::span<const Technician> technicians,
                                        std::span<const TechnicianLoad> loads, int now_minute,
                                        const TravelModel& travel = {},
                                        OffShift off_shift = OffShift::kLeaveOut);

}  // namespace lifeline::dispatch
