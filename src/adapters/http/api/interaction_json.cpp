#include "adapters/http/api/interaction_json.h"

namespace lifeline::http {

namespace {

void OptionalId(json::JsonWriter& out, std::string_view key,
                const std::optional<std::int64_t>& id) {
  out.Key(key);
  if (id) {
    out.Int(*id);
  } else {
    out.Null();
  }
}

}  // namespace

void WriteInteraction(json::JsonWriter& out, const Interaction& i) {
  out.BeginObject()
      .Field("id", i.id)
      .Field("channel", ChannelCode(i.channel))
      .Field("direction", DirectionCode(i.direction));
  OptionalId(out, "customer_id", i.customer_id);
  OptionalId(out, "account_id", i.account_id);
  out.Field("contact", i.contact);
  OptionalId(out, "agent_id", i.agent_id);
  out.Field("agent_name", i.agent_name)
      .Field("summary", i.summary)
      .Field("started_at", i.started_at)
      .Field("ended_at", i.ended_at);
  // The work orders this contact created.
  out.Key("work_orders").BeginArray();
  for (const LinkedWorkOrder& o : i.work_orders) {
    out.BeginObject()
        .Field("id", o.id)
        .Field("number", WorkOrderNumber(o.id, o.created_at))
        .Field("state", WorkOrderStateCode(o.state))
        .EndObject();
  }
  out.EndArray().EndObject();
}

void WriteInteractions(json::JsonWriter& out, std::span<const Interaction> interactions) {
  out.BeginArray();
  for (const Interaction& i : interactions) WriteInteraction(out, i);
  out.EndArray();
}

}  // namespace lifeline::http
