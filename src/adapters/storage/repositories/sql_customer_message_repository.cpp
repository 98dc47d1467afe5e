#include "adapters/storage/repositories/sql_customer_message_repository.h"

#include "adapters/json/fields_json.h"
#include "adapters/storage/repositories/sql_customer_repository.h"
#include "adapters/storage/sql_helpers.h"
#include "core/customers/phone_number.h"

namespace lifeline::storage {

namespace {

#define LIFELINE_MESSAGE_COLUMNS                                                            \
  "id, order_id, customer_id, channel, recipient_enc, template, params, state, suppressed," \
  " attempts, last_error, provider_ref, idempotency_key, event_id, created_at,"             \
  " next_attempt_at, sent_at"

// Every filter is a parameter with an "any" value ('' or 0), so one statement serves all.
#define LIFELINE_MESSAGE_FILTER \
  " WHERE ($1 = 0 OR order_id = $1) AND ($2 = 0 OR customer_id = $2) AND ($3 = '' OR state = $3)"

constexpr Query kInsert{
    "customer_messages.insert",
    "INSERT INTO customer_messages (order_id, customer_id, channel, recipient_enc, recipient_idx,"
    " template, params, state, suppressed, attempts, idempotency_key, event_id, created_at,"
    " next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11, $12, $13)"
    " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id"};
constexpr Query kById{"customer_messages.by_id",
                      "SELECT " LIFELINE_MESSAGE_COLUMNS " FROM customer_messages WHERE id = $1"};
constexpr Query kCountRecent{"customer_messages.count_recent",
                             "SELECT COUNT(*) FROM customer_messages WHERE recipient_idx = $1"
                             " AND channel = $2 AND created_at >= $3"
                             " AND state IN ('queued', 'sent')"};
constexpr Query kDue{"customer_messages.due",
                     "SELECT " LIFELINE_MESSAGE_COLUMNS
                     " FROM customer_messages"
                     " WHERE state = 'queued' AND next_attempt_at <= $1"
                     " AND (held_until IS NULL OR held_until < $1) ORDER BY id LIMIT $2"};
// Re-checks the hold: of two senders reading the same row, only one update touches it.
constexpr Query kHold{"customer_messages.hold",
                      "UPDATE customer_messages SET held_until = $2 WHERE id = $1"
                      " AND state = 'queued' AND (held_until IS NULL OR held_until < $3)"};
constexpr Query kSaveOutcome{
    "customer_messages.save_outcome",
    "UPDATE customer_messages SET state = $2, attempts = $3, last_error = $4, provider_ref = $5,"
    " next_attempt_at = $6, sent_at = $7, held_until = NULL WHERE id = $1"};
constexpr Query kList{"customer_messages.list", "SELECT " LIFELINE_MESSAGE_COLUMNS
                                                " FROM customer_messages" LIFELINE_MESSAGE_FILTER
                                                " ORDER BY id DESC LIMIT $4 OFFSET $5"};
constexpr Query kCount{"customer_messages.count",
                       "SELECT COUNT(*) FROM customer_messages" LIFELINE_MESSAGE_FILTER};
constexpr Query kOptedOut{"customer_message_opt_outs.find",
                          "SELECT COUNT(*) FROM customer_message_opt_outs WHERE customer_id = $1"};
constexpr Query kOptOut{
    "customer_message_opt_outs.insert",
    "INSERT INTO customer_message_opt_outs (customer_id, created_by, created_at)"
    " VALUES ($1, $2, $3) ON CONFLICT (customer_id) DO NOTHING"};
constexpr Query kOptIn{"customer_message_opt_outs.delete",
                       "DELETE FROM customer_message_opt_outs WHERE customer_id = $1"};

#undef LIFELINE_MESSAGE_FILTER
#undef LIFELINE_MESSAGE_COLUMNS

Result<std::int64_t> CountOf(const Row& row) {
  return row.Int(0);
}

}  // namespace

std::string SqlCustomerMessageRepository::Index(std::string_view recipient) const {
  auto phone = NormalizePhone(recipient);
  return phone ? cipher_.BlindIndex(kPhoneIndexDomain, *phone)
               : cipher_.BlindIndex("contact", recipient);
}

Result<CustomerMessage> SqlCustomerMessageRepository::Map(const Row& row) const {
  CustomerMessage m;
  m.id = row.Int(0);
  m.order_id = row.OptInt(1);
  m.customer_id = row.OptInt(2);
  auto channel = ParseMessageChannel(row.Text(3));
  if (!channel) return Fail(UnknownCode("customer_messages.channel", row.Text(3)));
  m.channel = *channel;
  auto recipient = cipher_.Open(row.Blob(4));
  if (!recipient) return Fail(recipient.error());
  m.recipient = std::move(*recipient);
  auto code = ParseMessageTemplate(row.Text(5));
  if (!code) return Fail(UnknownCode("customer_messages.template", row.Text(5)));
  m.template_code = *code;
  auto params = json::FieldsFromJson(row.Text(6));
  if (!params) return Fail(params.error());
  m.params = std::move(*params);
  auto state = ParseMessageState(row.Text(7));
  if (!state) return Fail(UnknownCode("customer_messages.state", row.Text(7)));
  m.state = *state;
  if (!row.IsNull(8)) {
    auto reason = ParseSuppressReason(row.Text(8));
    if (!reason) return Fail(UnknownCode("customer_messages.suppressed", row.Text(8)));
    m.suppressed = *reason;
  }
  m.attempts = static_cast<int>(row.Int(9));
  m.last_error = row.Str(10);
  m.provider_ref = row.Str(11);
  m.idempotency_key = row.Str(12);
  m.event_id = row.Int(13);
  m.created_at = row.Int(14);
  m.next_attempt_at = row.Int(15);
  m.sent_at = row.OptInt(16);
  return m;
}

Result<std::optional<std::int64_t>> SqlCustomerMessageRepository::Insert(const CustomerMessage& m) {
  const std::string sealed = cipher_.Seal(m.recipient);
  const std::string index = Index(m.recipient);
  const std::optional<std::string_view> reason =
      m.suppressed ? std::optional(SuppressReasonCode(*m.suppressed)) : std::nullopt;
  auto id = InsertReturningId(connection_, kInsert,
                              {m.order_id, m.customer_id, MessageChannelCode(m.channel),
                               BlobArg{sealed}, index, MessageTemplateCode(m.template_code),
                               json::FieldsToJson(m.params), MessageStateCode(m.state), reason,
                               m.idempotency_key, m.event_id, m.created_at, m.next_attempt_at});
  if (!id) return Fail(id.error());
  if (*id == 0) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(*id);
}

Result<CustomerMessage> SqlCustomerMessageRepository::FindById(std::int64_t id) {
  return FetchOne<CustomerMessage>(
      connection_, kById, {id}, [this](const Row& row) { return Map(row); }, "customer message");
}

Result<std::int64_t> SqlCustomerMessageRepository::CountRecent(MessageChannelKind channel,
                                                               std::string_view recipient,
                                                               TimeMs since) {
  return FetchOne<std::int64_t>(connection_, kCountRecent,
                                {Index(recipient), MessageChannelCode(channel), since}, CountOf,
                                "count");
}

Result<std::vector<CustomerMessage>> SqlCustomerMessageRepository::ClaimDue(TimeMs now,
                                                                            TimeMs hold_until,
                                                                            std::int64_t limit) {
  auto due = FetchAll<CustomerMessage>(connection_, kDue, {now, limit},
                                       [this](const Row& row) { return Map(row); });
  if (!due) return Fail(due.error());
  std::vector<CustomerMessage> held;
  for (CustomerMessage& m : *due) {
    auto changed = connection_.Exec(kHold, {m.id, hold_until, now});
    if (!changed) return Fail(changed.error());
    if (*changed == 1) held.push_back(std::move(m));
  }
  return held;
}

Status SqlCustomerMessageRepository::SaveOutcome(const CustomerMessage& m) {
  auto saved =
      connection_.Exec(kSaveOutcome, {m.id, MessageStateCode(m.state), m.attempts, m.last_error,
                                      m.provider_ref, m.next_attempt_at, m.sent_at});
  if (!saved) return Fail(saved.error());
  if (*saved == 0) return Fail(Error::NotFound("customer message not found"));
  return Ok();
}

Result<CustomerMessagePage> SqlCustomerMessageRepository::List(const CustomerMessageFilter& f) {
  const std::int64_t order = f.order_id.value_or(0);
  const std::int64_t customer = f.customer_id.value_or(0);
  // A std::string, never a default string_view: SQLite binds a null pointer as NULL, not ''.
  const std::string state(f.state ? MessageStateCode(*f.state) : std::string_view(""));
  CustomerMessagePage page;
  auto items =
      FetchAll<CustomerMessage>(connection_, kList, {order, customer, state, f.limit, f.offset},
                                [this](const Row& row) { return Map(row); });
  if (!items) return Fail(items.error());
  page.items = std::move(*items);
  auto total =
      FetchOne<std::int64_t>(connection_, kCount, {order, customer, state}, CountOf, "count");
  if (!total) return Fail(total.error());
  page.total = *total;
  return page;
}

Result<bool> SqlCustomerMessageRepository::OptedOut(std::int64_t customer_id) {
  auto count = FetchOne<std::int64_t>(connection_, kOptedOut, {customer_id}, CountOf, "count");
  if (!count) return Fail(count.error());
  return *count > 0;
}

Status SqlCustomerMessageRepository::SetOptOut(std::int64_t customer_id, bool opted_out,
                                               std::int64_t by, TimeMs at) {
  auto changed = opted_out ? connection_.Exec(kOptOut, {customer_id, by, at})
                           : connection_.Exec(kOptIn, {customer_id});
  if (!changed) return Fail(changed.error());
  return Ok();
}

}  // namespace lifeline::storage
