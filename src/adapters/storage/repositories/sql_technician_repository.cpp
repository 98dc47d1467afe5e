#include "adapters/storage/repositories/sql_technician_repository.h"

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

using dispatch::Technician;

constexpr Query kDeleteSkills{"technicians.delete_skills",
                              "DELETE FROM technician_skills WHERE user_id = $1"};
constexpr Query kDelete{"technicians.delete", "DELETE FROM technicians WHERE user_id = $1"};
constexpr Query kInsert{
    "technicians.insert",
    "INSERT INTO technicians (user_id, shift_start, shift_end, break_earliest, break_latest,"
    " break_minutes, depot_x_km, depot_y_km, van_capacity, on_duty, position_x_km, position_y_km,"
    " position_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"};
constexpr Query kInsertSkill{"technicians.insert_skill",
                             "INSERT INTO technician_skills (user_id, trade, level)"
                             " VALUES ($1, $2, $3)"};
#define LIFELINE_TECHNICIAN_SELECT                                                  \
  "SELECT t.user_id, u.display_name, u.org_unit_id, t.shift_start, t.shift_end,"    \
  " t.break_earliest, t.break_latest, t.break_minutes, t.depot_x_km, t.depot_y_km," \
  " t.van_capacity, t.on_duty, t.position_x_km, t.position_y_km, t.position_at"     \
  " FROM technicians t JOIN users u ON u.id = t.user_id"
constexpr Query kFind{"technicians.find", LIFELINE_TECHNICIAN_SELECT " WHERE t.user_id = $1"};
constexpr Query kList{
    "technicians.list", LIFELINE_TECHNICIAN_SELECT
    " WHERE u.disabled = 0 AND ($1 = 0 OR u.org_unit_id = $1) ORDER BY t.user_id"};
#undef LIFELINE_TECHNICIAN_SELECT
constexpr Query kSkills{"technicians.skills",
                        "SELECT trade, level FROM technician_skills WHERE user_id = $1"
                        " ORDER BY trade"};
// The skills of every technician kList returns, in one statement rather than one per technician
// (auto-assignment lists them inside each new order's transaction).
constexpr Query kListSkills{
    "technicians.list_skills",
    "SELECT s.user_id, s.trade, s.level FROM technician_skills s JOIN users u ON u.id = s.user_id"
    " WHERE u.disabled = 0 AND ($1 = 0 OR u.org_unit_id = $1) ORDER BY s.user_id, s.trade"};
constexpr Query kPosition{"technicians.position",
                          "UPDATE technicians SET position_x_km = $2, position_y_km = $3,"
                          " position_at = $4 WHERE user_id = $1"};

Result<Technician> MapTechnician(const Row& row) {
  Technician t;
  t.user_id = row.Int(0);
  t.name = row.Str(1);
  t.team_id = row.Int(2);
  t.shift = {static_cast<int>(row.Int(3)), static_cast<int>(row.Int(4))};
  if (!row.IsNull(5) && !row.IsNull(6)) {
    t.break_window =
        dispatch::DayWindow{static_cast<int>(row.Int(5)), static_cast<int>(row.Int(6))};
  }
  t.break_minutes = static_cast<int>(row.Int(7));
  t.depot = {row.Real(8), row.Real(9)};
  t.van_capacity = row.Int(10);
  t.on_duty = row.Bool(11);
  if (!row.IsNull(12) && !row.IsNull(13)) t.position = dispatch::Point{row.Real(12), row.Real(13)};
  t.position_at = row.Int(14);
  return t;
}

}  // namespace

Status SqlTechnicianRepository::Save(const Technician& t) {
  if (auto s = connection_.Exec(kDeleteSkills, {t.user_id}); !s) return Fail(s.error());
  if (auto s = connection_.Exec(kDelete, {t.user_id}); !s) return Fail(s.error());
  const std::optional<std::int64_t> break_earliest =
      t.break_window ? std::optional<std::int64_t>(t.break_window->start_minute) : std::nullopt;
  const std::optional<std::int64_t> break_latest =
      t.break_window ? std::optional<std::int64_t>(t.break_window->end_minute) : std::nullopt;
  const std::optional<double> x = t.position ? std::optional(t.position->x) : std::nullopt;
  const std::optional<double> y = t.position ? std::optional(t.position->y) : std::nullopt;
  auto inserted =
      connection_.Exec(kInsert, {t.user_id, t.shift.start_minute, t.shift.end_minute,
                                 break_earliest, break_latest, t.break_minutes, t.depot.x,
                                 t.depot.y, t.van_capacity, t.on_duty, x, y, t.position_at});
  if (!inserted) return Fail(inserted.error());
  for (const dispatch::TradeSkill& skill : t.skills) {
    auto added =
        connection_.Exec(kInsertSkill, {t.user_id, dispatch::TradeCode(skill.trade), skill.level});
    if (!added) return Fail(added.error());
  }
  return Ok();
}

Result<Technician> SqlTechnicianRepository::Find(std::int64_t user_id) {
  auto technician =
      FetchOne<Technician>(connection_, kFind, {user_id}, MapTechnician, "technician");
  if (!technician) return technician;
  if (auto s = LoadSkills(*technician); !s) return Fail(s.error());
  return technician;
}

Result<std::vector<Technician>> SqlTechnicianRepository::List(std::int64_t team_id) {
  auto technicians = FetchAll<Technician>(connection_, kList, {team_id}, MapTechnician);
  if (!technicians) return technicians;
  // Both lists are ordered by user id: walk them together.
  auto next = technicians->begin();
  Status skills = connection_.Each(kListSkills, {team_id}, [&](const Row& row) -> Status {
    const std::int64_t user_id = row.Int(0);
    while (next != technicians->end() && next->user_id < user_id) ++next;
    if (next == technicians->end() || next->user_id != user_id) return Ok();
    auto trade = dispatch::ParseTrade(row.Text(1));
    if (!trade) return Fail(UnknownCode("trade", row.Text(1)));
    next->skills.push_back({*trade, static_cast<int>(row.Int(2))});
    return Ok();
  });
  if (!skills) return Fail(skills.error());
  return technicians;
}

Status SqlTechnicianRepository::UpdatePosition(std::int64_t user_id, dispatch::Point position,
                                               TimeMs at) {
  auto changed = connection_.Exec(kPosition, {user_id, position.x, position.y, at});
  if (!changed) return Fail(changed.error());
  if (*changed == 0) return Fail(Error::NotFound("no technician profile for this user"));
  return Ok();
}

Status SqlTechnicianRepository::LoadSkills(Technician& technician) {
  return connection_.Each(kSkills, {technician.user_id}, [&](const Row& row) -> Status {
    auto trade = dispatch::ParseTrade(row.Text(0));
    if (!trade) return Fail(UnknownCode("trade", row.Text(0)));
    technician.skills.push_back({*trade, static_cast<int>(row.Int(1))});
    return Ok();
  });
}

}  // namespace lifeline::storage
