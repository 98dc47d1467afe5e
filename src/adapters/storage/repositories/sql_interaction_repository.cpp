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
constexpr Query kForCustomer{
    "interactions.for_customer",
    "SELECT i.id, i.channel, i.direction, i.customer_id, i.account_id, i.contact_enc, i.agent_id,"
    " COALESCE(u.display_name, ''), i.summary, i.started_at, i.ended_at, i.created_at"
    " FROM interactions i LEFT JOIN users u ON u.id = i.agent_id"
    " WHERE i.customer_id = $1 ORDER BY i.started_at DESC, i.id DESC LIMIT $2"};

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

Result<std::vector<Interaction>> SqlInteractionRepository::ForCustomer(std::int64_t customer_id,
                                                                       std::size_t limit) {
  return FetchAll<Interaction>(connection_, kForCustomer,
                               {customer_id, static_cast<std::int64_t>(limit)},
                               [&](const Row& row) -> Result<Interaction> {
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
                               });
}

}  // namespace lifeline::storage
