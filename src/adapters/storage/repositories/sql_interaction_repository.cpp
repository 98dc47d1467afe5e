#include "adapters/storage/repositories/sql_interaction_repository.h"

#include "adapters/storage/repositories/sql_customer_repository.h"
#include "adapters/storage/sql_helpers.h"
#include "core/customers/phone_number.h"

namespace lifeline::storage {

namespace {

constexpr Query kInsert{
    "interactions.insert",
    "INSERT INTO interactions (channel, direction, customer_id, account_id, contact_enc,"
    " contact_idx, agent_id, summary, started_at, ended_at, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id"};
#define LIFELINE_INTERACTION_SELECT                                                              \
  "SELECT i.id, i.channel, i.direction, i.customer_id, i.account_id, i.contact_enc, i.agent_id," \
  " COALESCE(u.display_name, ''), i.summary, i.started_at, i.ended_at, i.created_at"             \
  " FROM interactions i LEFT JOIN users u ON u.id = i.agent_id"

constexpr Query kForCustomer{
    "interactions.for_customer", LIFELINE_INTERACTION_SELECT
    " WHERE i.customer_id = $1 ORDER BY i.started_at DESC, i.id DESC LIMIT $2"};
constexpr Query kById{"interactions.by_id", LIFELINE_INTERACTION_SELECT " WHERE i.id = $1"};
// work_orders_customer and work_orders_interaction (migration 009) serve these.
constexpr Query kLinkedOfCustomer{
    "interactions.linked_orders_of_customer",
    "SELECT id, interaction_id, created_at, state FROM work_orders"
    " WHERE customer_id = $1 AND interaction_id IS NOT NULL ORDER BY id"};
constexpr Query kLinked{"interactions.linked_orders",
                        "SELECT id, interaction_id, created_at, state FROM work_orders"
                        " WHERE interaction_id = $1 ORDER BY id"};

#undef LIFELINE_INTERACTION_SELECT

Result<LinkedWorkOrder> MapLinked(const Row& row) {
  LinkedWorkOrder o;
  o.id = row.Int(0);
  o.interaction_id = row.Int(1);
  o.created_at = row.Int(2);
  auto state = ParseWorkOrderState(row.Text(3));
  if (!state) return Fail(UnknownCode("work order state", row.Text(3)));
  o.state = *state;
  return o;
}

}  // namespace

Result<std::int64_t> SqlInteractionRepository::Insert(const Interaction& i) {
  std::optional<std::string> sealed;
  std::optional<std::string> index;
  if (!i.contact.empty()) {
    sealed = cipher_.Seal(i.contact);
    // Phone numbers are indexed in their normal form, under the same domain as customers'
    // phones, so one number finds both the customer and every contact from it.
    auto phone = NormalizePhone(i.contact);
    index = phone ? cipher_.BlindIndex(kPhoneIndexDomain, *phone)
                  : cipher_.BlindIndex("contact", i.contact);
  }
  const std::optional<BlobArg> sealed_arg =
      sealed ? std::optional<BlobArg>(BlobArg{*sealed}) : std::nullopt;
  return InsertReturningId(connection_, kInsert,
                           {ChannelCode(i.channel), DirectionCode(i.direction), i.customer_id,
                            i.account_id, sealed_arg ? SqlArg(*sealed_arg) : SqlArg(nullptr), index,
                            i.agent_id, i.summary, i.started_at, i.ended_at, i.created_at});
}

Result<Interaction> SqlInteractionRepository::Map(const Row& row) const {
  Interaction i;
  i.id = row.Int(0);
  auto channel = ParseChannel(row.Text(1));
  if (!channel) return Fail(UnknownCode("channel", row.Text(1)));
  i.channel = *channel;
  auto direction = ParseDirection(row.Text(2));
  if (!direction) return Fail(UnknownCode("direction", row.Text(2)));
  i.direction = *direction;
  i.customer_id = row.OptInt(3);
  i.account_id = row.OptInt(4);
  if (!row.IsNull(5)) {
    auto contact = cipher_.Open(row.Blob(5));
    if (!contact) return Fail(contact.error());
    i.contact = std::move(*contact);
  }
  i.agent_id = row.OptInt(6);
  i.agent_name = row.Str(7);
  i.summary = row.Str(8);
  i.started_at = row.Int(9);
  i.ended_at = row.Int(10);
  i.created_at = row.Int(11);
  return i;
}

Result<std::vector<Interaction>> SqlInteractionRepository::ForCustomer(std::int64_t customer_id,
                                                                       std::size_t limit) {
  return FetchAll<Interaction>(connection_, kForCustomer,
                               {customer_id, static_cast<std::int64_t>(limit)},
                               [&](const Row& row) { return Map(row); });
}

Result<Interaction> SqlInteractionRepository::FindById(std::int64_t id) {
  return FetchOne<Interaction>(
      connection_, kById, {id}, [&](const Row& row) { return Map(row); }, "interaction");
}

Result<std::vector<LinkedWorkOrder>> SqlInteractionRepository::LinkedOrdersOfCustomer(
    std::int64_t customer_id) {
  return FetchAll<LinkedWorkOrder>(connection_, kLinkedOfCustomer, {customer_id}, MapLinked);
}

Result<std::vector<LinkedWorkOrder>> SqlInteractionRepository::LinkedOrders(
    std::int64_t interaction_id) {
  return FetchAll<LinkedWorkOrder>(connection_, kLinked, {interaction_id}, MapLinked);
}

}  // namespace lifeline::storage
