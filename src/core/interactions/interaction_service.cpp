#include "core/interactions/interaction_service.h"

#include <algorithm>

#include "core/customers/customer_service.h"
#include "core/customers/masking.h"
#include "core/identity/auth_service.h"

namespace lifeline {

namespace {

// The named customer exists and, when an account is named, holds it.
Status CheckParties(StoreSession& session, const Interaction& interaction) {
  if (!interaction.customer_id) return Ok();
  auto customer = session.Customers().FindById(*interaction.customer_id);
  if (!customer) {
    if (customer.error().code != ErrorCode::kNotFound) return Fail(customer.error());
    return Fail(Error::Invalid("customer_id", "no such customer"));
  }
  if (interaction.account_id && std::ranges::none_of(customer->accounts, [&](const Account& a) {
        return a.id == *interaction.account_id;
      })) {
    return Fail(Error::Invalid("account_id", "the account is not the customer's"));
  }
  return Ok();
}

// Each contact gets the orders it created.
Status AttachLinkedOrders(StoreSession& session, std::int64_t customer_id,
                          std::vector<Interaction>& timeline) {
  auto linked = session.Interactions().LinkedOrdersOfCustomer(customer_id);
  if (!linked) return Fail(linked.error());
  for (Interaction& i : timeline) {
    for (const LinkedWorkOrder& order : *linked) {
      if (order.interaction_id == i.id) i.work_orders.push_back(order);
    }
  }
  return Ok();
}

}  // namespace

Result<Interaction> InteractionService::Record(const Principal& actor, Interaction draft) {
  if (auto s = actor.Require(Permission::kCustomerWrite); !s) return Fail(s.error());
  Status written = store_.Write(
      [&](StoreSession& session) -> Status { return RecordIn(session, actor, draft); });
  if (!written) return Fail(written.error());
  return draft;
}

Status InteractionService::RecordIn(StoreSession& session, const Principal& actor,
                                    Interaction& draft) const {
  const TimeMs now = clock_.NowMs();
  if (draft.started_at == 0) draft.started_at = now;
  if (draft.ended_at == 0) draft.ended_at = draft.started_at;
  if (auto s = ValidateInteraction(draft); !s) return s;
  if (!draft.agent_id && actor.role != Role::kIntegration) {
    draft.agent_id = actor.user_id;
    draft.agent_name = actor.display_name;  // as the timeline will show it
  }
  draft.created_at = now;
  if (auto s = CheckParties(session, draft); !s) return s;
  auto id = session.Interactions().Insert(draft);
  if (!id) return Fail(id.error());
  draft.id = *id;
  const Fields after{
      {"channel", std::string(ChannelCode(draft.channel))},
      {"direction", std::string(DirectionCode(draft.direction))},
      {"customer_id", draft.customer_id ? FieldValue(*draft.customer_id) : FieldValue(nullptr)}};
  if (auto s = session.Audit().Append(
          ActorOf(actor),
          {"interaction.record", "interaction", std::to_string(draft.id), {}, after}, now);
      !s) {
    return s;
  }
  session.Events().Emit(
      {"customer", "interaction.recorded", "interaction/" + std::to_string(draft.id), after});
  return Ok();
}

Result<std::vector<Interaction>> InteractionService::Timeline(const Principal& actor,
                                                              std::int64_t customer_id,
                                                              std::size_t limit) {
  if (auto s = actor.Require(Permission::kCustomerRead); !s) return Fail(s.error());
  std::vector<Interaction> timeline;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto customer = session.Customers().FindById(customer_id);
    if (!customer) return Fail(customer.error());
    // Outside the caller's scope looks the same as absent.
    if (!RestrictToScope(*customer, actor.scope)) return Fail(Error::NotFound("no such customer"));
    auto found = session.Interactions().ForCustomer(customer_id, limit);
    if (!found) return Fail(found.error());
    timeline = std::move(*found);
    return AttachLinkedOrders(session, customer_id, timeline);
  });
  if (!read) return Fail(read.error());
  return MaskedFor(actor, std::move(timeline));
}

Result<std::vector<Interaction>> InteractionService::RecentFor(const Principal& actor,
                                                               const Customer& customer,
                                                               std::size_t limit) {
  if (auto s = actor.Require(Permission::kCustomerRead); !s) return Fail(s.error());
  std::vector<Interaction> recent;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto found = session.Interactions().ForCustomer(customer.id, limit);
    if (!found) return Fail(found.error());
    recent = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return MaskedFor(actor, std::move(recent));
}

Result<Interaction> InteractionService::Get(const Principal& actor, std::int64_t id) {
  if (auto s = actor.Require(Permission::kCustomerRead); !s) return Fail(s.error());
  std::vector<Interaction> found(1);
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto interaction = session.Interactions().FindById(id);
    if (!interaction) return Fail(interaction.error());
    if (interaction->customer_id) {
      auto customer = session.Customers().FindById(*interaction->customer_id);
      if (!customer) return Fail(customer.error());
      if (!RestrictToScope(*customer, actor.scope)) {
        return Fail(Error::NotFound("interaction not found"));
      }
    }
    auto linked = session.Interactions().LinkedOrders(id);
    if (!linked) return Fail(linked.error());
    interaction->work_orders = std::move(*linked);
    found[0] = std::move(*interaction);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return std::move(MaskedFor(actor, std::move(found))[0]);
}

std::vector<Interaction> InteractionService::MaskedFor(const Principal& actor,
                                                       std::vector<Interaction> found) const {
  if (!actor.Can(Permission::kCustomerReadPii)) {
    for (Interaction& i : found) i.contact = MaskPhone(i.contact);
  }
  return found;
}

}  // namespace lifeline
