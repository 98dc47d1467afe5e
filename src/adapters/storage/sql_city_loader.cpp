#include "adapters/storage/sql_city_loader.h"

#include <array>
#include <string>

#include "adapters/storage/repositories/sql_customer_repository.h"

namespace lifeline::storage {

namespace {

template <std::size_t N>
Result<std::unique_ptr<BulkLoader>> Start(Connection& connection, std::string_view table,
                                          const std::array<std::string_view, N>& columns) {
  return connection.StartBulk(table, std::span<const std::string_view>(columns));
}

constexpr std::array<std::string_view, 7> kNodeColumns{"id",   "kind", "parent_id", "code",
                                                       "name", "x_km", "y_km"};
constexpr std::array<std::string_view, 4> kFeedColumns{"community_id", "supply_zone_id",
                                                       "substation_id", "regulator_station_id"};
constexpr std::array<std::string_view, 7> kPremiseColumns{
    "id", "unit_id", "building_id", "community_id", "district_id", "room", "address"};
constexpr std::array<std::string_view, 6> kCustomerColumns{
    "id", "kind", "name", "id_number_enc", "id_number_idx", "created_at"};
constexpr std::array<std::string_view, 4> kPhoneColumns{"customer_id", "position", "phone_enc",
                                                        "phone_idx"};
constexpr std::array<std::string_view, 9> kAccountColumns{
    "id",     "account_no",  "customer_id", "premise_id", "utility",
    "status", "balance_fen", "arrears_fen", "opened_at"};
constexpr std::array<std::string_view, 6> kMeterColumns{"id",    "account_id",   "serial",
                                                        "model", "last_reading", "last_read_at"};
constexpr std::array<std::string_view, 7> kBillColumns{
    "id", "account_id", "period", "usage", "amount_fen", "paid_fen", "due_at"};

// Tables whose ids the loader assigned, to move their sequences on PostgreSQL.
constexpr std::array<std::string_view, 6> kSequencedTables{
    "topology_nodes", "premises", "customers", "accounts", "meters", "bills"};

Status AddAccountRows(BulkLoader& loader, const Customer& c) {
  for (const Account& a : c.accounts) {
    if (auto s =
            loader.Add({a.id, a.account_no, c.id, a.premise_id, UtilityCode(a.utility),
                        AccountStatusCode(a.status), a.balance_fen, a.arrears_fen, a.opened_at});
        !s) {
      return s;
    }
  }
  return Ok();
}

Status AddMeterRows(BulkLoader& loader, const Customer& c) {
  for (const Account& a : c.accounts) {
    for (const Meter& m : a.meters) {
      if (auto s = loader.Add({m.id, a.id, m.serial, m.model, m.last_reading, m.last_read_at});
          !s) {
        return s;
      }
    }
  }
  return Ok();
}

Status AddBillRows(BulkLoader& loader, const Customer& c) {
  for (const Account& a : c.accounts) {
    for (const Bill& b : a.recent_bills) {
      if (auto s = loader.Add({b.id, a.id, b.period, b.usage, b.amount_fen, b.paid_fen, b.due_at});
          !s) {
        return s;
      }
    }
  }
  return Ok();
}

}  // namespace

template <class Load>
Status SqlCityLoader::InTransaction(Load&& load) {
  auto connection = db_.Acquire(Access::kWrite);
  if (!connection) return Fail(connection.error());
  Connection& conn = **connection;
  if (auto s = conn.Begin(); !s) return s;
  Status status = load(conn);
  if (status) status = conn.Commit();
  if (!status) (void)conn.Rollback();
  return status;
}

Status SqlCityLoader::AddNodes(std::span<const TopologyNode> nodes) {
  return InTransaction([&](Connection& conn) -> Status {
    auto loader = Start(conn, "topology_nodes", kNodeColumns);
    if (!loader) return Fail(loader.error());
    for (const TopologyNode& n : nodes) {
      if (auto s = (*loader)->Add({n.id, NodeKindCode(n.kind), n.parent_id, n.code, n.name,
                                   n.location.x_km, n.location.y_km});
          !s) {
        return s;
      }
    }
    return (*loader)->Finish();
  });
}

Status SqlCityLoader::AddFeeds(std::span<const CommunityFeed> feeds) {
  return InTransaction([&](Connection& conn) -> Status {
    auto loader = Start(conn, "community_feeds", kFeedColumns);
    if (!loader) return Fail(loader.error());
    for (const CommunityFeed& f : feeds) {
      if (auto s = (*loader)->Add(
              {f.community_id, f.supply_zone_id, f.substation_id, f.regulator_station_id});
          !s) {
        return s;
      }
    }
    return (*loader)->Finish();
  });
}

Status SqlCityLoader::AddPremises(std::span<const Premise> premises) {
  return InTransaction([&](Connection& conn) -> Status {
    auto loader = Start(conn, "premises", kPremiseColumns);
    if (!loader) return Fail(loader.error());
    for (const Premise& p : premises) {
      if (auto s = (*loader)->Add(
              {p.id, p.unit_id, p.building_id, p.community_id, p.district_id, p.room, p.address});
          !s) {
        return s;
      }
    }
    return (*loader)->Finish();
  });
}

Status SqlCityLoader::AddCustomers(std::span<const Customer> customers) {
  return InTransaction([&](Connection& conn) -> Status {
    // PostgreSQL allows one COPY at a time per connection, so load table by table.
    auto load_table = [&](std::string_view table, auto columns, auto&& add_rows) -> Status {
      auto loader = Start(conn, table, columns);
      if (!loader) return Fail(loader.error());
      for (const Customer& c : customers) {
        if (auto s = add_rows(**loader, c); !s) return s;
      }
      return (*loader)->Finish();
    };
    Status status =
        load_table("customers", kCustomerColumns,
                   [&](BulkLoader& l, const Customer& c) { return AddCustomerRow(l, c); });
    if (status) {
      status = load_table("customer_phones", kPhoneColumns,
                          [&](BulkLoader& l, const Customer& c) { return AddPhoneRows(l, c); });
    }
    if (status) status = load_table("accounts", kAccountColumns, AddAccountRows);
    if (status) status = load_table("meters", kMeterColumns, AddMeterRows);
    if (status) status = load_table("bills", kBillColumns, AddBillRows);
    return status;
  });
}

Status SqlCityLoader::AddCustomerRow(BulkLoader& loader, const Customer& c) const {
  const std::string sealed = cipher_.Seal(c.id_number);
  const std::string index = cipher_.BlindIndex(kIdNumberIndexDomain, c.id_number);
  return loader.Add({c.id, CustomerKindCode(c.kind), c.name, BlobArg{sealed}, index, c.created_at});
}

Status SqlCityLoader::AddPhoneRows(BulkLoader& loader, const Customer& c) const {
  for (std::size_t i = 0; i < c.phones.size(); ++i) {
    const std::string sealed = cipher_.Seal(c.phones[i]);
    const std::string index = cipher_.BlindIndex(kPhoneIndexDomain, c.phones[i]);
    if (auto s = loader.Add({c.id, static_cast<std::int64_t>(i), BlobArg{sealed}, index}); !s) {
      return s;
    }
  }
  return Ok();
}

Status SqlCityLoader::Finish() {
  auto connection = db_.Acquire(Access::kWrite);
  if (!connection) return Fail(connection.error());
  Connection& conn = **connection;
  if (conn.dialect() == Dialect::kSqlite) return conn.ExecScript("ANALYZE");
  for (std::string_view table : kSequencedTables) {
    const std::string t(table);
    const std::string sql = "SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), " +
                            "COALESCE((SELECT MAX(id) FROM " + t + "), 0) + 1, false)";
    if (auto s = conn.ExecScript(sql); !s) return s;
  }
  return conn.ExecScript("ANALYZE");
}

}  // namespace lifeline::storage
