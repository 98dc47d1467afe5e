#include "adapters/storage/repositories/sql_outage_repository.h"

#include <algorithm>

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

#define LIFELINE_OUTAGE_COLUMNS                                                              \
  "o.id, o.utility, o.kind, o.state, o.title, o.reason, o.starts_at, o.expected_restore_at," \
  " o.restored_at, o.created_by, o.created_at, o.updated_at, o.version"

constexpr Query kInsert{
    "outages.insert",
    "INSERT INTO outages (utility, kind, state, title, reason, starts_at, expected_restore_at,"
    " restored_at, created_by, created_at, updated_at, version)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id"};
constexpr Query kInsertNode{"outages.insert_node",
                            "INSERT INTO outage_nodes (outage_id, node_id) VALUES ($1, $2)"};
constexpr Query kById{"outages.by_id",
                      "SELECT " LIFELINE_OUTAGE_COLUMNS " FROM outages o WHERE o.id = $1"};
constexpr Query kUpdate{
    "outages.update",
    "UPDATE outages SET state = $2, starts_at = $3, expected_restore_at = $4, restored_at = $5,"
    " updated_at = $6, version = $7 WHERE id = $1 AND version = $8"};
constexpr Query kList{"outages.list",
                      "SELECT " LIFELINE_OUTAGE_COLUMNS
                      " FROM outages o WHERE ($1 = 0 OR o.state IN ('planned', 'active'))"
                      " AND ($2 = '' OR o.utility = $2) ORDER BY o.id DESC LIMIT $3"};
constexpr Query kNodesOf{"outages.nodes_of",
                         "SELECT node_id FROM outage_nodes WHERE outage_id = $1 ORDER BY node_id"};

// One statement for the screen pop, whatever the number of accounts: each account's premise
// path, joined to the open outages of the account's utility on any node of it. The
// outage_nodes (node_id) index makes it a handful of lookups; with no open outage in the city
// (the usual case) it returns nothing at once.
constexpr Query kOpenForCustomer{
    "outages.open_for_customer",
    "SELECT DISTINCT a.id, " LIFELINE_OUTAGE_COLUMNS
    " FROM accounts a"
    " JOIN premises p ON p.id = a.premise_id"
    " LEFT JOIN community_feeds f ON f.community_id = p.community_id"
    " JOIN outage_nodes n ON n.node_id IN (p.unit_id, p.building_id, p.community_id,"
    "   p.district_id, f.supply_zone_id, f.substation_id, f.regulator_station_id)"
    " JOIN outages o ON o.id = n.outage_id"
    " WHERE a.customer_id = $1 AND o.utility = a.utility AND o.state IN ('planned', 'active')"
    " ORDER BY a.id, o.id"};

#undef LIFELINE_OUTAGE_COLUMNS

// The outage columns start at `at` (queries that prefix other columns pass their count).
Result<Outage> MapOutage(const Row& row, int at = 0) {
  Outage o;
  o.id = row.Int(at);
  auto utility = ParseUtility(row.Text(at + 1));
  if (!utility) return Fail(UnknownCode("utility", row.Text(at + 1)));
  o.utility = *utility;
  auto kind = ParseOutageKind(row.Text(at + 2));
  if (!kind) return Fail(UnknownCode("outage kind", row.Text(at + 2)));
  o.kind = *kind;
  auto state = ParseOutageState(row.Text(at + 3));
  if (!state) return Fail(UnknownCode("outage state", row.Text(at + 3)));
  o.state = *state;
  o.title = row.Str(at + 4);
  o.reason = row.Str(at + 5);
  o.starts_at = row.Int(at + 6);
  o.expected_restore_at = row.OptInt(at + 7);
  o.restored_at = row.OptInt(at + 8);
  o.created_by = row.Int(at + 9);
  o.created_at = row.Int(at + 10);
  o.updated_at = row.Int(at + 11);
  o.version = row.Int(at + 12);
  return o;
}

constexpr Query kInsertAnnouncement{
    "announcements.insert",
    "INSERT INTO announcements (title, body, audience, utility, outage_id, valid_from,"
    " valid_until, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    " RETURNING id"};
constexpr Query kAnnouncementById{
    "announcements.by_id",
    "SELECT id, title, body, audience, utility, outage_id, valid_from, valid_until, created_by,"
    " created_at FROM announcements WHERE id = $1"};
constexpr Query kCurrentAnnouncements{
    "announcements.current",
    "SELECT id, title, body, audience, utility, outage_id, valid_from, valid_until, created_by,"
    " created_at FROM announcements WHERE valid_from <= $1 AND valid_until > $1"
    " AND ($2 = 0 OR audience = 'public') ORDER BY id DESC LIMIT 200"};
constexpr Query kWithdraw{"announcements.withdraw",
                          "UPDATE announcements SET valid_until = $2 WHERE id = $1"};

Result<Announcement> MapAnnouncement(const Row& row) {
  Announcement a;
  a.id = row.Int(0);
  a.title = row.Str(1);
  a.body = row.Str(2);
  auto audience = ParseAudience(row.Text(3));
  if (!audience) return Fail(UnknownCode("audience", row.Text(3)));
  a.audience = *audience;
  if (!row.IsNull(4)) {
    auto utility = ParseUtility(row.Text(4));
    if (!utility) return Fail(UnknownCode("utility", row.Text(4)));
    a.utility = *utility;
  }
  a.outage_id = row.OptInt(5);
  a.valid_from = row.Int(6);
  a.valid_until = row.Int(7);
  a.created_by = row.Int(8);
  a.created_at = row.Int(9);
  return a;
}

}  // namespace

Result<std::int64_t> SqlOutageRepository::Insert(const Outage& o) {
  auto id =
      InsertReturningId(connection_, kInsert,
                        {UtilityCode(o.utility), OutageKindCode(o.kind), OutageStateCode(o.state),
                         o.title, o.reason, o.starts_at, o.expected_restore_at, o.restored_at,
                         o.created_by, o.created_at, o.updated_at, o.version});
  if (!id) return id;
  for (std::int64_t node : o.node_ids) {
    if (auto s = connection_.Exec(kInsertNode, {*id, node}); !s) return Fail(s.error());
  }
  return id;
}

Result<Outage> SqlOutageRepository::FindById(std::int64_t id) {
  auto outage = FetchOne<Outage>(
      connection_, kById, {id}, [](const Row& row) { return MapOutage(row); }, "outage");
  if (!outage) return outage;
  std::vector<Outage> one{std::move(*outage)};
  if (auto s = LoadNodes(one); !s) return Fail(s.error());
  return std::move(one.front());
}

Status SqlOutageRepository::Update(const Outage& o, std::int64_t expected_version) {
  auto changed =
      connection_.Exec(kUpdate, {o.id, OutageStateCode(o.state), o.starts_at, o.expected_restore_at,
                                 o.restored_at, o.updated_at, o.version, expected_version});
  if (!changed) return Fail(changed.error());
  if (*changed == 0) {
    return Fail(Error::Conflict("the outage was changed by someone else; reload it"));
  }
  return Ok();
}

Result<std::vector<Outage>> SqlOutageRepository::List(const OutageFilter& filter) {
  const std::string_view utility = filter.utility ? UtilityCode(*filter.utility) : "";
  auto outages =
      FetchAll<Outage>(connection_, kList, {filter.open_only ? 1 : 0, utility, filter.limit},
                       [](const Row& row) { return MapOutage(row); });
  if (!outages) return outages;
  if (auto s = LoadNodes(*outages); !s) return Fail(s.error());
  return outages;
}

Result<std::vector<AccountOutages>> SqlOutageRepository::OpenForCustomer(std::int64_t customer_id) {
  std::vector<AccountOutages> affected;
  Status read = connection_.Each(kOpenForCustomer, {customer_id}, [&](const Row& row) -> Status {
    auto outage = MapOutage(row, 1);
    if (!outage) return Fail(outage.error());
    const std::int64_t account_id = row.Int(0);
    if (affected.empty() || affected.back().account_id != account_id) {
      affected.push_back({account_id, {}});
    }
    affected.back().outages.push_back(std::move(*outage));
    return Ok();
  });
  if (!read) return Fail(read.error());
  for (AccountOutages& entry : affected) {
    if (auto s = LoadNodes(entry.outages); !s) return Fail(s.error());
  }
  return affected;
}

Status SqlOutageRepository::LoadNodes(std::vector<Outage>& outages) {
  for (Outage& outage : outages) {
    outage.node_ids.clear();
    Status read = connection_.Each(kNodesOf, {outage.id}, [&](const Row& row) -> Status {
      outage.node_ids.push_back(row.Int(0));
      return Ok();
    });
    if (!read) return read;
  }
  return Ok();
}

Result<std::int64_t> SqlAnnouncementRepository::Insert(const Announcement& a) {
  const std::optional<std::string_view> utility =
      a.utility ? std::optional(UtilityCode(*a.utility)) : std::nullopt;
  return InsertReturningId(connection_, kInsertAnnouncement,
                           {a.title, a.body, AudienceCode(a.audience), utility, a.outage_id,
                            a.valid_from, a.valid_until, a.created_by, a.created_at});
}

Result<Announcement> SqlAnnouncementRepository::FindById(std::int64_t id) {
  return FetchOne<Announcement>(connection_, kAnnouncementById, {id}, MapAnnouncement,
                                "announcement");
}

Result<std::vector<Announcement>> SqlAnnouncementRepository::Current(TimeMs now, bool public_only) {
  return FetchAll<Announcement>(connection_, kCurrentAnnouncements, {now, public_only ? 1 : 0},
                                MapAnnouncement);
}

Status SqlAnnouncementRepository::Withdraw(std::int64_t id, TimeMs now) {
  auto changed = connection_.Exec(kWithdraw, {id, now});
  if (!changed) return Fail(changed.error());
  return Ok();
}

}  // namespace lifeline::storage
