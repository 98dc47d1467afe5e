#include "adapters/http/api/outage_json.h"

#include <algorithm>
#include <vector>

namespace lifeline::http {

namespace {

Json OptionalTime(const std::optional<TimeMs>& at) {
  return at ? Json(*at) : Json(nullptr);
}

}  // namespace

Json PublicOutageJson(const Outage& o) {
  return {{"id", o.id},
          {"utility", UtilityCode(o.utility)},
          {"kind", OutageKindCode(o.kind)},
          {"state", OutageStateCode(o.state)},
          {"title", o.title},
          {"reason", o.reason},
          {"starts_at", o.starts_at},
          {"expected_restore_at", OptionalTime(o.expected_restore_at)},
          {"restored_at", OptionalTime(o.restored_at)}};
}

Json OutageJson(const Outage& o) {
  Json json = PublicOutageJson(o);
  json["node_ids"] = o.node_ids;
  json["created_by"] = o.created_by;
  json["created_at"] = o.created_at;
  json["updated_at"] = o.updated_at;
  json["version"] = o.version;
  return json;
}

Json AnnouncementJson(const Announcement& a) {
  return {{"id", a.id},
          {"title", a.title},
          {"body", a.body},
          {"audience", AudienceCode(a.audience)},
          {"utility", a.utility ? Json(UtilityCode(*a.utility)) : Json(nullptr)},
          {"outage_id", a.outage_id ? Json(*a.outage_id) : Json(nullptr)},
          {"valid_from", a.valid_from},
          {"valid_until", a.valid_until}};
}

void WriteAccountOutages(json::JsonWriter& out, std::span<const AccountOutages> affected) {
  std::vector<const Outage*> outages;
  for (const AccountOutages& entry : affected) {
    for (const Outage& o : entry.outages) {
      if (std::ranges::none_of(outages, [&](const Outage* seen) { return seen->id == o.id; })) {
        outages.push_back(&o);
      }
    }
  }
  out.BeginArray();
  for (const Outage* o : outages) {
    out.BeginObject()
        .Field("id", o->id)
        .Field("utility", UtilityCode(o->utility))
        .Field("kind", OutageKindCode(o->kind))
        .Field("state", OutageStateCode(o->state))
        .Field("title", o->title)
        .Field("reason", o->reason)
        .Field("starts_at", o->starts_at);
    out.Key("expected_restore_at");
    if (o->expected_restore_at) {
      out.Int(*o->expected_restore_at);
    } else {
      out.Null();
    }
    out.Key("account_ids").BeginArray();
    for (const AccountOutages& entry : affected) {
      if (std::ranges::any_of(entry.outages, [&](const Outage& x) { return x.id == o->id; })) {
        out.Int(entry.account_id);
      }
    }
    out.EndArray().EndObject();
  }
  out.EndArray();
}

}  // namespace lifeline::http
