// Who should take this job? The technicians with the trade who are on shift, ranked by when
// they can be there, how much they still have to do, and how skilled they are — with the
// reasons, so the dispatcher can see why ("李师傅：12 分钟可到，剩 3 单，技能 3 级").
#pragma once

#include <cstdint>
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
};

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
  double score = 0;         // lower is better
  std::string explanation;  // zh-CN, for the dispatcher's list
};

// `now_minute` is minutes from local midnight. Technicians off duty, without the trade, or
// whose shift does not cover the arrival are left out. An emergency ignores the work ahead
// (it pre-empts it); other jobs queue behind it.
std::vector<Suggestion> RankTechnicians(const JobNeed& job, std::span<const Technician> technicians,
                                        std::span<const TechnicianLoad> loads, int now_minute,
                                        const TravelModel& travel = {});

}  // namespace lifeline::dispatch
