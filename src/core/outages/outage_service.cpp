#include "core/outages/outage_service.h"

#include <algorithm>

#include "core/identity/auth_service.h"

namespace lifeline {

namespace {

Fields OutageFields(const Outage& o) {
  return {{"utility", std::string(UtilityCode(o.utility))},
          {"kind", std::string(OutageKindCode(o.kind))},
          {"state", std::string(OutageStateCode(o.state))},
          {"title", o.title},
          {"starts_at", o.starts_at},
          {"expected_restore_at",
           o.expected_restore_at ? FieldValue(*o.expected_restore_at) : FieldValue(nullptr)},
          {"version", o.version}};
}

std::string Subject(const Outage& outage) {
  return "outage/" + std::to_string(outage.id);
}

// Every node must exist and fit the outage's utility (a gas outage cannot be on a substation).
Status CheckNodes(StoreSession& session, const Outage& outage) {
  for (std::int64_t node_id : outage.node_ids) {
    auto node = session.Topology().FindNode(node_id);
    if (!node) {
      if (node.error().code != ErrorCode::kNotFound) return Fail(node.error());
      return Fail(Error::Invalid("node_ids", "no topology node " + std::to_string(node_id)));
    }
    if (!NodeFitsUtility(node->kind, outage.utility)) {
      return Fail(Error::Invalid(
          "node_ids", node->name + " does not carry " + std::string(UtilityCode(outage.utility))));
    }
  }
  return Ok();
}

Status ApplyChange(Outage& outage, const OutageChange& change, TimeMs now) {
  if (outage.version != change.expected_version) {
    return Fail(Error::Conflict("the outage was changed by someone else (version " +
                                std::to_string(outage.version) + "); reload it"));
  }
  if (!IsOpen(outage.state)) {
    return Fail(Error::Conflict("the outage is " + std::string(OutageStateCode(outage.state)) +
                                " and can no longer change"));
  }
  if (change.expected_restore_at) {
    if (*change.expected_restore_at <= outage.starts_at) {
      return Fail(
          Error::Invalid("expected_restore_at", "expected restore must be after the start"));
    }
    outage.expected_restore_at = change.expected_restore_at;
  }
  if (change.action) {
    auto next = NextState(outage.state, *change.action);
    if (!next) return Fail(next.error());
    outage.state = *next;
    if (*next == OutageState::kRestored) outage.restored_at = now;
    if (*next == OutageState::kActive && outage.starts_at > now) outage.starts_at = now;
  }
  outage.updated_at = now;
  outage.version += 1;
  return Ok();
}

// Keeps the accounts the caller can see (the customer as presented, after data scope).
std::vector<AccountOutages> VisibleOnly(std::vector<AccountOutages> all, const Customer& customer) {
  std::erase_if(all, [&](const AccountOutages& entry) {
    return std::ranges::find(customer.accounts, entry.account_id, &Account::id) ==
           customer.accounts.end();
  });
  return all;
}

}  // namespace

Result<Outage> OutageService::Create(const Principal& actor, Outage draft) {
  if (auto s = actor.Require(Permission::kOutageManage); !s) return Fail(s.error());
  std::ranges::sort(draft.node_ids);
  draft.node_ids.erase(std::ranges::unique(draft.node_ids).begin(), draft.node_ids.end());
  if (auto s = ValidateOutage(draft); !s) return Fail(s.error());
  const TimeMs now = clock_.NowMs();
  draft.state = InitialState(draft.kind);
  draft.created_by = actor.user_id;
  draft.created_at = draft.updated_at = now;
  draft.version = 1;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    if (auto s = CheckNodes(session, draft); !s) return s;
    auto id = session.Outages().Insert(draft);
    if (!id) return Fail(id.error());
    draft.id = *id;
    const Fields after = OutageFields(draft);
    if (auto s = session.Audit().Append(
            ActorOf(actor), {"outage.create", "outage", std::to_string(draft.id), {}, after}, now);
        !s) {
      return s;
    }
    session.Events().Emit({"outage", "outage.created", Subject(draft), after});
    return Ok();
  });
  if (!written) return Fail(written.error());
  return draft;
}

Result<Outage> OutageService::Change(const Principal& actor, std::int64_t id,
                                     const OutageChange& change) {
  if (auto s = actor.Require(Permission::kOutageManage); !s) return Fail(s.error());
  if (!change.action && !change.expected_restore_at) {
    return Fail(Error::Invalid("action", "name an action or a new expected_restore_at"));
  }
  Outage outage;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto found = session.Outages().FindById(id);
    if (!found) return Fail(found.error());
    outage = std::move(*found);
    const Fields before = OutageFields(outage);
    const std::int64_t read_version = outage.version;
    if (auto s = ApplyChange(outage, change, clock_.NowMs()); !s) return s;
    if (auto s = session.Outages().Update(outage, read_version); !s) return s;
    Fields after = OutageFields(outage);
    if (!change.note.empty()) after.emplace_back("note", change.note);
    if (auto s = session.Audit().Append(
            ActorOf(actor), {"outage.update", "outage", std::to_string(id), before, after},
            outage.updated_at);
        !s) {
      return s;
    }
    session.Events().Emit({"outage", "outage.updated", Subject(outage), after});
    return Ok();
  });
  if (!written) return Fail(written.error());
  return outage;
}

Result<Outage> OutageService::Get(const Principal& actor, std::int64_t id) {
  if (auto s = actor.Require(Permission::kCustomerRead); !s) return Fail(s.error());
  Outage outage;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto found = session.Outages().FindById(id);
    if (!found) return Fail(found.error());
    outage = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return outage;
}

Result<std::vector<Outage>> OutageService::List(const Principal& actor,
                                                const OutageFilter& filter) {
  if (auto s = actor.Require(Permission::kCustomerRead); !s) return Fail(s.error());
  std::vector<Outage> outages;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto listed = session.Outages().List(filter);
    if (!listed) return Fail(listed.error());
    outages = std::move(*listed);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return outages;
}

Result<std::vector<AccountOutages>> OutageService::Affecting(const Principal& actor,
                                                             const Customer& customer) {
  if (auto s = actor.Require(Permission::kCustomerRead); !s) return Fail(s.error());
  std::vector<AccountOutages> affected;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto open = session.Outages().OpenForCustomer(customer.id);
    if (!open) return Fail(open.error());
    affected = VisibleOnly(std::move(*open), customer);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return affected;
}

Result<std::vector<Outage>> OutageService::AffectingAccountNo(std::string_view account_no) {
  std::vector<Outage> outages;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto customer = session.Customers().FindByAccountNo(account_no);
    if (!customer) return Fail(customer.error());
    auto account = std::ranges::find(customer->accounts, account_no, &Account::account_no);
    if (account == customer->accounts.end()) return Fail(Error::NotFound("account not found"));
    auto open = session.Outages().OpenForCustomer(customer->id);
    if (!open) return Fail(open.error());
    for (AccountOutages& entry : *open) {
      if (entry.account_id == account->id) outages = std::move(entry.outages);
    }
    return Ok();
  });
  if (!read) return Fail(read.error());
  return outages;
}

Result<Announcement> OutageService::Publish(const Principal& actor, Announcement draft) {
  if (auto s = actor.Require(Permission::kOutageManage); !s) return Fail(s.error());
  const TimeMs now = clock_.NowMs();
  if (draft.valid_from == 0) draft.valid_from = now;
  if (auto s = ValidateAnnouncement(draft); !s) return Fail(s.error());
  draft.created_by = actor.user_id;
  draft.created_at = now;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    if (draft.outage_id) {
      if (auto outage = session.Outages().FindById(*draft.outage_id); !outage) {
        if (outage.error().code != ErrorCode::kNotFound) return Fail(outage.error());
        return Fail(Error::Invalid("outage_id", "no such outage"));
      }
    }
    auto id = session.Announcements().Insert(draft);
    if (!id) return Fail(id.error());
    draft.id = *id;
    const Fields after{{"title", draft.title},
                       {"audience", std::string(AudienceCode(draft.audience))},
                       {"valid_from", draft.valid_from},
                       {"valid_until", draft.valid_until}};
    if (auto s = session.Audit().Append(
            ActorOf(actor),
            {"announcement.publish", "announcement", std::to_string(draft.id), {}, after}, now);
        !s) {
      return s;
    }
    session.Events().Emit(
        {"outage", "announcement.published", "announcement/" + std::to_string(draft.id), after});
    return Ok();
  });
  if (!written) return Fail(written.error());
  return draft;
}

Status OutageService::Withdraw(const Principal& actor, std::int64_t id) {
  if (auto s = actor.Require(Permission::kOutageManage); !s) return s;
  const TimeMs now = clock_.NowMs();
  return store_.Write([&](StoreSession& session) -> Status {
    auto found = session.Announcements().FindById(id);
    if (!found) return Fail(found.error());
    if (!IsCurrent(*found, now)) return Fail(Error::Conflict("the announcement is not current"));
    if (auto s = session.Announcements().Withdraw(id, now); !s) return s;
    const std::string subject = "announcement/" + std::to_string(id);
    if (auto s = session.Audit().Append(ActorOf(actor),
                                        {"announcement.withdraw",
                                         "announcement",
                                         std::to_string(id),
                                         {{"valid_until", found->valid_until}},
                                         {{"valid_until", now}}},
                                        now);
        !s) {
      return s;
    }
    session.Events().Emit({"outage", "announcement.withdrawn", subject, {{"id", id}}});
    return Ok();
  });
}

Result<std::vector<Announcement>> OutageService::CurrentAnnouncements(const Principal* actor) {
  if (actor != nullptr) {
    if (auto s = actor->Require(Permission::kCustomerRead); !s) return Fail(s.error());
  }
  std::vector<Announcement> current;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto listed = session.Announcements().Current(clock_.NowMs(), actor == nullptr);
    if (!listed) return Fail(listed.error());
    current = std::move(*listed);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return current;
}

}  // namespace lifeline
