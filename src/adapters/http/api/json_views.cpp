#include "adapters/http/api/json_views.h"

namespace lifeline::http {

namespace {

Json OptionalTime(const std::optional<TimeMs>& at) {
  return at ? Json(*at) : Json(nullptr);
}

// Stored as JSON text; parsed back so the response nests it rather than quoting it.
Json EmbeddedJson(const std::string& text) {
  Json parsed = Json::parse(text, nullptr, false);
  return parsed.is_discarded() ? Json(text) : parsed;
}

}  // namespace

Json UserJson(const User& user) {
  return {{"id", user.id},
          {"username", user.username},
          {"display_name", user.display_name},
          {"role", RoleCode(user.role)},
          {"org_unit_id", user.org_unit_id},
          {"disabled", user.disabled},
          {"locked_until", OptionalTime(user.locked_until)},
          {"failed_logins", user.failed_logins},
          {"created_at", user.created_at},
          {"updated_at", user.updated_at},
          {"version", user.version}};
}

Json PrincipalJson(const Principal& principal) {
  Json permissions = Json::array();
  for (int i = 0; i < kPermissionCount; ++i) {
    const auto permission = static_cast<Permission>(i);
    if (principal.Can(permission)) permissions.push_back(PermissionCode(permission));
  }
  Json scope =
      principal.scope.unrestricted() ? Json(nullptr) : Json(principal.scope.district_ids());
  return {{"user_id", principal.user_id},
          {"username", principal.username},
          {"display_name", principal.display_name},
          {"role", RoleCode(principal.role)},
          {"org_unit_id", principal.org_unit_id},
          {"permissions", permissions},
          {"district_scope", scope}};
}

Json OrgUnitJson(const OrgUnit& unit) {
  return {{"id", unit.id},
          {"parent_id", unit.parent_id ? Json(*unit.parent_id) : Json(nullptr)},
          {"kind", OrgUnitKindCode(unit.kind)},
          {"code", unit.code},
          {"name", unit.name},
          {"area_district_ids", unit.area_district_ids}};
}

Json ApiKeyJson(const ApiKey& key) {
  Json scopes = Json::array();
  for (Permission p : key.scopes) scopes.push_back(PermissionCode(p));
  return {{"id", key.id},
          {"name", key.name},
          {"prefix", key.prefix},
          {"owner_user_id", key.user_id},
          {"scopes", scopes},
          {"created_at", key.created_at},
          {"expires_at", OptionalTime(key.expires_at)},
          {"revoked_at", OptionalTime(key.revoked_at)}};
}

Json AuditRecordJson(const AuditRecord& r) {
  return {{"id", r.id},
          {"at", r.at},
          {"actor", r.actor},
          {"actor_user_id", r.actor_user_id ? Json(*r.actor_user_id) : Json(nullptr)},
          {"remote_address", r.remote_address},
          {"action", r.action},
          {"entity_type", r.entity_type},
          {"entity_id", r.entity_id},
          {"before", EmbeddedJson(r.before_json)},
          {"after", EmbeddedJson(r.after_json)},
          {"hash", r.hash}};
}

namespace {

void WriteAccount(json::JsonWriter& out, const Account& a) {
  out.BeginObject()
      .Field("id", a.id)
      .Field("account_no", a.account_no)
      .Field("utility", UtilityCode(a.utility))
      .Field("status", AccountStatusCode(a.status))
      .Field("premise_id", a.premise_id)
      .Field("district_id", a.district_id)
      .Field("address", a.address)
      .Field("balance_fen", a.balance_fen)
      .Field("arrears_fen", a.arrears_fen)
      .Field("opened_at", a.opened_at);
  out.Key("meters").BeginArray();
  for (const Meter& m : a.meters) {
    out.BeginObject()
        .Field("id", m.id)
        .Field("serial", m.serial)
        .Field("model", m.model)
        .Field("last_reading", m.last_reading)
        .Field("last_read_at", m.last_read_at)
        .EndObject();
  }
  out.EndArray().Key("recent_bills").BeginArray();
  for (const Bill& b : a.recent_bills) {
    out.BeginObject()
        .Field("id", b.id)
        .Field("period", b.period)
        .Field("usage", b.usage)
        .Field("amount_fen", b.amount_fen)
        .Field("paid_fen", b.paid_fen)
        .Field("due_at", b.due_at)
        .EndObject();
  }
  out.EndArray().EndObject();
}

}  // namespace

void WriteCustomer(json::JsonWriter& out, const Customer& c) {
  out.BeginObject();
  WriteCustomerFields(out, c);
  out.EndObject();
}

void WriteCustomerFields(json::JsonWriter& out, const Customer& c) {
  std::int64_t arrears = 0;
  for (const Account& a : c.accounts) arrears += a.arrears_fen;
  out.Field("id", c.id)
      .Field("kind", CustomerKindCode(c.kind))
      .Field("name", c.name)
      .Field("id_number", c.id_number);
  out.Key("phones").BeginArray();
  for (const std::string& phone : c.phones) out.String(phone);
  out.EndArray().Field("arrears_fen", arrears).Key("accounts").BeginArray();
  for (const Account& a : c.accounts) WriteAccount(out, a);
  out.EndArray();
}

Json TopologyNodeJson(const TopologyNode& node) {
  return {{"id", node.id},
          {"kind", NodeKindCode(node.kind)},
          {"parent_id", node.parent_id ? Json(*node.parent_id) : Json(nullptr)},
          {"code", node.code},
          {"name", node.name},
          {"x_km", node.location.x_km},
          {"y_km", node.location.y_km}};
}

Json BillingSnapshotJson(const BillingSnapshot& snapshot) {
  Json bills = Json::array();
  for (const BilledPeriod& b : snapshot.recent_bills) {
    bills.push_back({{"period", b.period},
                     {"usage", b.usage},
                     {"amount_fen", b.amount_fen},
                     {"paid_fen", b.paid_fen},
                     {"due_at", b.due_at}});
  }
  return {{"account_no", snapshot.account_no},   {"balance_fen", snapshot.balance_fen},
          {"arrears_fen", snapshot.arrears_fen}, {"recent_bills", bills},
          {"source", snapshot.source},           {"as_of", snapshot.as_of}};
}

}  // namespace lifeline::http
